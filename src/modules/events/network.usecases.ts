/**
 * Network meetings (incontri di rete) with trade unions and services, and the catalogue of the
 * organisations met (per organisation, managed by the coordinator): rules, transactions, audit.
 */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  EventsSummaryQuery,
  NetworkMeeting,
  NetworkMeetingCreateInput,
  NetworkMeetingListQuery,
  NetworkMeetingsSummary,
  NetworkMeetingUpdateInput,
  NetworkOrganisation,
  NetworkOrganisationCreateInput,
  NetworkOrganisationUpdateInput,
} from '../../contracts/events.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { AppError, notFound, validationFailed } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import {
  findMeeting,
  findNetworkOrganisation,
  listMeetings,
  listNetworkOrganisations,
  replaceMeetingOrganisations,
  summariseMeetings,
} from './network.repository.js';

type Db = Kysely<Database>;

// --- the catalogue (coordinators: catalogues.manage)

async function getOrganisation(db: Db, actor: Actor, id: number): Promise<NetworkOrganisation> {
  const organisation = await findNetworkOrganisation(db, actor.organisationId, id);
  if (!organisation) throw notFound('network organisation');
  return organisation;
}

export async function networkOrganisationsFor(db: Db, actor: Actor, onlyActive: boolean): Promise<NetworkOrganisation[]> {
  return listNetworkOrganisations(db, actor.organisationId, onlyActive);
}

export async function createNetworkOrganisation(db: Db, actor: Actor, input: NetworkOrganisationCreateInput): Promise<NetworkOrganisation> {
  const existing = await listNetworkOrganisations(db, actor.organisationId);
  if (existing.some((organisation) => organisation.code === input.code)) {
    throw new AppError('resource.conflict', 409, `A network organisation with code ${input.code} exists already`);
  }
  const now = new Date().toISOString();
  const id = await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('networkOrganisations')
      .values({ organisationId: actor.organisationId, ...input, active: 1, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'network_organisation', entityId: row.id });
    return row.id;
  });
  return getOrganisation(db, actor, id);
}

/** Renames, reclassifies or deactivates an organisation. Never deleted: past meetings keep theirs. */
export async function updateNetworkOrganisation(
  db: Db,
  actor: Actor,
  id: number,
  input: NetworkOrganisationUpdateInput,
): Promise<NetworkOrganisation> {
  const { active, ...rest } = input;
  await inTransaction(db, async (trx) => {
    await getOrganisation(trx, actor, id);
    await trx
      .updateTable('networkOrganisations')
      .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'network_organisation',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getOrganisation(db, actor, id);
}

// --- meetings

/**
 * The organisations, without repeats, from the catalogue of the actor's organisation. New links
 * take active ones; those a meeting names already may stay after being deactivated.
 */
async function checkOrganisations(db: Db, actor: Actor, ids: number[], kept: number[] = []): Promise<number[]> {
  const unique = [...new Set(ids)];
  const catalogue = new Map((await listNetworkOrganisations(db, actor.organisationId)).map((row) => [row.id, row]));
  const refused = unique.filter((id) => !(catalogue.get(id)?.active || (catalogue.has(id) && kept.includes(id))));
  if (refused.length > 0) {
    throw validationFailed([{ field: 'organisationIds', code: 'network.organisation_unknown', params: { ids: refused.join(', ') } }]);
  }
  return unique;
}

async function getMeeting(db: Db, actor: Actor, id: number): Promise<NetworkMeeting> {
  const meeting = await findMeeting(db, id, actor.centreIds);
  if (!meeting) throw notFound('network meeting');
  return meeting;
}

export async function createMeeting(db: Db, actor: Actor, input: NetworkMeetingCreateInput, now = new Date()): Promise<NetworkMeeting> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const organisationIds = await checkOrganisations(trx, actor, input.organisationIds);
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('networkMeetings')
      .values({
        centreId,
        heldOn: input.date,
        topic: input.topic,
        outcome: input.outcome || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceMeetingOrganisations(trx, row.id, organisationIds);
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'network_meeting', entityId: row.id }, now);
    return row.id;
  });
  return getMeeting(db, actor, id);
}

export async function getMeetingFor(db: Db, actor: Actor, id: number): Promise<NetworkMeeting> {
  return getMeeting(db, actor, id);
}

export async function updateMeeting(db: Db, actor: Actor, id: number, input: NetworkMeetingUpdateInput, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const existing = await getMeeting(trx, actor, id);
    const changes: Record<string, unknown> = {};
    if (input.date !== undefined) changes.heldOn = input.date;
    if (input.topic !== undefined) changes.topic = input.topic;
    if (input.outcome !== undefined) changes.outcome = input.outcome || null;
    const organisationIds =
      input.organisationIds !== undefined
        ? await checkOrganisations(
            trx,
            actor,
            input.organisationIds,
            existing.organisations.map((organisation) => organisation.id),
          )
        : undefined;
    const stored: Record<string, unknown> = { heldOn: existing.date, topic: existing.topic, outcome: existing.outcome };
    // The log names the fields whose value changed, never the values.
    const changed = Object.keys(changes).filter((key) => changes[key] !== stored[key]);
    await updateVersioned(trx, 'networkMeetings', id, input.version, { ...changes, updatedAt: now.toISOString() }, 'network meeting');
    if (organisationIds) {
      await replaceMeetingOrganisations(trx, id, organisationIds);
      changed.push('organisationIds');
    }
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: existing.centreId,
        action: 'update',
        entity: 'network_meeting',
        entityId: id,
        details: { fields: changed },
      },
      now,
    );
  });
  return getMeeting(db, actor, id);
}

export async function deleteMeeting(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await getMeeting(trx, actor, id);
    await deleteVersioned(trx, 'networkMeetings', id, version, 'network meeting');
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: existing.centreId,
      action: 'delete',
      entity: 'network_meeting',
      entityId: id,
    });
  });
}

export async function listMeetingsFor(db: Db, actor: Actor, query: NetworkMeetingListQuery): Promise<Page<NetworkMeeting>> {
  const { page, pageSize, centreId, ...rest } = query;
  const result = await listMeetings(db, { ...rest, centreIds: centreScope(actor, centreId) }, page, pageSize);
  return { ...result, page, pageSize };
}

/** Aggregated figures (statistics.read): meetings of a period, and how many involved each organisation. */
export async function summariseMeetingsFor(db: Db, actor: Actor, query: EventsSummaryQuery): Promise<NetworkMeetingsSummary> {
  const filter = { from: query.from, to: query.to, centreIds: centreScope(actor, query.centreId) };
  return summariseMeetings(db, await listNetworkOrganisations(db, actor.organisationId), filter);
}

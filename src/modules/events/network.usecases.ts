/** Network meetings (incontri di rete) with trade unions and services: rules, transactions, audit. */
import type { Kysely } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type {
  EventsSummaryQuery,
  NetworkMeeting,
  NetworkMeetingCreateInput,
  NetworkMeetingListQuery,
  NetworkMeetingsSummary,
  NetworkMeetingUpdateInput,
} from '../../contracts/events.js';
import { orNotFound, replaceLinks } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { saveChanges } from '../../db/versioned.js';
import { validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { type AuditedKind, deleteRecord, insertRecord } from '../audit/audited-records.js';
import { type Actor, pageInScope, periodScope, targetCentre } from '../auth/actor.js';
import { NETWORK_ORGANISATIONS } from '../catalogues/catalogues.js';
import { listCatalogue } from '../catalogues/catalogues.repository.js';
import { findMeeting, listMeetings, summariseMeetings } from './network.repository.js';

type Db = Kysely<Database>;

const MEETING: AuditedKind<'networkMeetings'> = { table: 'networkMeetings', label: 'network meeting', entity: 'network_meeting' };

/**
 * The organisations, without repeats, from the catalogue of the actor's organisation. New links
 * take active ones; those a meeting names already may stay after being deactivated.
 */
async function checkOrganisations(db: Db, actor: Actor, ids: number[], kept: number[] = []): Promise<number[]> {
  const unique = [...new Set(ids)];
  const catalogue = new Map((await listCatalogue(db, NETWORK_ORGANISATIONS, actor.organisationId)).map((row) => [row.id, row]));
  const refused = unique.filter((id) => !(catalogue.get(id)?.active || (catalogue.has(id) && kept.includes(id))));
  if (refused.length > 0) {
    throw validationFailed([{ field: 'organisationIds', code: 'network.organisation_unknown', params: { ids: refused.join(', ') } }]);
  }
  return unique;
}

async function getMeeting(db: Db, actor: Actor, id: number): Promise<NetworkMeeting> {
  return orNotFound(findMeeting(db, id, actor.centreIds), 'network meeting');
}

export async function createMeeting(db: Db, actor: Actor, input: NetworkMeetingCreateInput, now = new Date()): Promise<NetworkMeeting> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const organisationIds = await checkOrganisations(trx, actor, input.organisationIds);
    const values = { centreId, heldOn: input.date, topic: input.topic, outcome: input.outcome || null };
    const id = await insertRecord(trx, actor, MEETING, values, now);
    await replaceLinks(trx, 'networkMeetingOrganisations', id, organisationIds);
    return id;
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
    const changed = await saveChanges(trx, 'networkMeetings', id, input.version, changes, stored, 'network meeting', now);
    if (organisationIds) {
      await replaceLinks(trx, 'networkMeetingOrganisations', id, organisationIds);
      changed.push('organisationIds');
    }
    await recordChange(
      trx,
      actor,
      'update',
      'network_meeting',
      { id, centreId: existing.centreId },
      { details: { fields: changed }, at: now },
    );
  });
  return getMeeting(db, actor, id);
}

export async function deleteMeeting(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await getMeeting(trx, actor, id);
    await deleteRecord(trx, actor, MEETING, { id, centreId: existing.centreId }, version);
  });
}

export async function listMeetingsFor(db: Db, actor: Actor, query: NetworkMeetingListQuery): Promise<Page<NetworkMeeting>> {
  return pageInScope(actor, query, (filter, page, pageSize) => listMeetings(db, filter, page, pageSize));
}

/** Aggregated figures (statistics.read): meetings of a period, and how many involved each organisation. */
export async function summariseMeetingsFor(db: Db, actor: Actor, query: EventsSummaryQuery): Promise<NetworkMeetingsSummary> {
  const filter = periodScope(actor, query);
  return summariseMeetings(db, await listCatalogue(db, NETWORK_ORGANISATIONS, actor.organisationId), filter);
}

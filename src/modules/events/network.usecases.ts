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
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { validationFailed } from '../../errors/index.js';
import { type AuditedKind, findAndDelete, insertRecord, updateRecord } from '../audit/audited-records.js';
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
    return insertRecord(trx, actor, MEETING, values, now, {
      table: 'networkMeetingOrganisations',
      field: 'organisationIds',
      ids: organisationIds,
    });
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
    const links = input.organisationIds && {
      table: 'networkMeetingOrganisations' as const,
      field: 'organisationIds',
      ids: await checkOrganisations(
        trx,
        actor,
        input.organisationIds,
        existing.organisations.map((organisation) => organisation.id),
      ),
    };
    const stored = { heldOn: existing.date, topic: existing.topic, outcome: existing.outcome };
    await updateRecord(trx, actor, MEETING, { id, centreId: existing.centreId }, { version: input.version, changes, stored, links }, now);
  });
  return getMeeting(db, actor, id);
}

export function deleteMeeting(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, MEETING, { id, version }, (trx) => findMeeting(trx, id, actor.centreIds));
}

export async function listMeetingsFor(db: Db, actor: Actor, query: NetworkMeetingListQuery): Promise<Page<NetworkMeeting>> {
  return pageInScope(actor, query, (filter, page, pageSize) => listMeetings(db, filter, page, pageSize));
}

/** Aggregated figures (statistics.read): meetings of a period, and how many involved each organisation. */
export async function summariseMeetingsFor(db: Db, actor: Actor, query: EventsSummaryQuery): Promise<NetworkMeetingsSummary> {
  const filter = periodScope(actor, query);
  return summariseMeetings(db, await listCatalogue(db, NETWORK_ORGANISATIONS, actor.organisationId), filter);
}

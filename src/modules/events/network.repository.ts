/** Network meetings and the organisations each involved: SQL only. */
import type { Kysely } from 'kysely';
import type { NetworkOrganisationKind } from '../../contracts/enums.js';
import type { NetworkMeeting, NetworkMeetingsSummary, NetworkOrganisation } from '../../contracts/events.js';
import { groupsOf } from '../../db/joined.js';
import { readCentresPage } from '../../db/paging.js';
import { inCentresAndPeriod, type PeriodFilter, whereLinked } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { byKindAndName } from '../catalogues/catalogues.js';

type Db = Kysely<Database>;

// --- meetings

export interface MeetingFilter extends PeriodFilter {
  organisationId?: number;
}

function filtered(db: Db, filter: MeetingFilter) {
  const query = inCentresAndPeriod(db, 'networkMeetings', 'heldOn', filter);
  return whereLinked(query, 'networkMeetingOrganisations', 'networkMeetings.id', filter.organisationId);
}

const MEETING_COLUMNS = [
  'networkMeetings.id',
  'networkMeetings.centreId',
  'networkMeetings.heldOn',
  'networkMeetings.topic',
  'networkMeetings.outcome',
  'networkMeetings.version',
] as const;

type MeetingRow = { id: number; centreId: number; heldOn: string; topic: string; outcome: string | null; version: number };

/** The organisations of these meetings, in one query. */
async function organisationsOf(db: Db, meetingIds: number[]) {
  const byMeeting = await groupsOf(
    meetingIds,
    (ids) =>
      db
        .selectFrom('networkMeetingOrganisations')
        .innerJoin('networkOrganisations', 'networkOrganisations.id', 'networkMeetingOrganisations.networkOrganisationId')
        .select([
          'networkMeetingOrganisations.meetingId',
          'networkOrganisations.id',
          'networkOrganisations.code',
          'networkOrganisations.name',
          'networkOrganisations.kind',
        ])
        .where('networkMeetingOrganisations.meetingId', 'in', ids)
        .execute(),
    (row) => row.meetingId,
    (row): NetworkMeeting['organisations'][number] => ({
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind as NetworkOrganisationKind,
    }),
  );
  for (const list of byMeeting.values()) list.sort(byKindAndName);
  return byMeeting;
}

async function withOrganisations(db: Db, rows: MeetingRow[]): Promise<NetworkMeeting[]> {
  const organisations = await organisationsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    centreId: row.centreId,
    date: row.heldOn,
    topic: row.topic,
    outcome: row.outcome,
    organisations: organisations.get(row.id) ?? [],
    version: row.version,
  }));
}

/** Newest first, a page at a time. */
export async function listMeetings(db: Db, filter: MeetingFilter, page: number, pageSize: number) {
  const newestFirst = filtered(db, filter)
    .select(MEETING_COLUMNS)
    .orderBy('networkMeetings.heldOn', 'desc')
    .orderBy('networkMeetings.id', 'desc');
  return readCentresPage(filter.centreIds, newestFirst, filtered(db, filter), page, pageSize, (rows) => withOrganisations(db, rows));
}

/** Every meeting matching, in date order: for the annual report (a few dozen a year). */
export async function allMeetings(db: Db, filter: MeetingFilter): Promise<NetworkMeeting[]> {
  if (filter.centreIds.length === 0) return [];
  const rows = await filtered(db, filter).select(MEETING_COLUMNS).orderBy('networkMeetings.heldOn').orderBy('networkMeetings.id').execute();
  return withOrganisations(db, rows);
}

export async function findMeeting(db: Db, id: number, centreIds: number[]): Promise<NetworkMeeting | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await filtered(db, { centreIds }).select(MEETING_COLUMNS).where('networkMeetings.id', '=', id).executeTakeFirst();
  return row ? (await withOrganisations(db, [row]))[0] : undefined;
}

/**
 * The meetings matching, and how many involved each organisation of the catalogue: every
 * active organisation (with zeros) and any other that was met.
 */
export async function summariseMeetings(db: Db, catalogue: NetworkOrganisation[], filter: MeetingFilter): Promise<NetworkMeetingsSummary> {
  if (filter.centreIds.length === 0) return { meetings: 0, byOrganisation: [] };
  const [total, rows] = await Promise.all([
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db, filter)
      .innerJoin('networkMeetingOrganisations', 'networkMeetingOrganisations.meetingId', 'networkMeetings.id')
      .select((eb) => ['networkMeetingOrganisations.networkOrganisationId', eb.fn.countAll<number>().as('n')])
      .groupBy('networkMeetingOrganisations.networkOrganisationId')
      .execute(),
  ]);
  const counts = new Map(rows.map((row) => [row.networkOrganisationId, Number(row.n)]));
  return {
    meetings: Number(total.n),
    byOrganisation: catalogue
      .filter((organisation) => organisation.active || counts.has(organisation.id))
      .map(({ id, code, name, kind }) => ({ id, code, name, kind, meetings: counts.get(id) ?? 0 })),
  };
}

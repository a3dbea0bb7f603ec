import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AgeBand, Channel, Gender, OriginGroup, ReferralSource } from '../../contracts/enums.js';
import type { Visit } from '../../contracts/visits.js';
import { groupsOf, type PersonAndOperatorNames, personOf, userOf, withPersonAndOperator } from '../../db/joined.js';
import { readCentresPage } from '../../db/paging.js';
import { prepared } from '../../db/prepared.js';
import { inCentresAndPeriod, type PeriodFilter, whereEqual, whereLinked } from '../../db/queries.js';
import type { Database, VisitsTable } from '../../db/schema.js';
import { romeTimeOf } from '../../domain/dates.js';
import { withOpeningFlags } from '../calendar/visit-flags.js';

type Db = Kysely<Database>;

export interface VisitFilter extends PeriodFilter {
  topicId?: number;
  originGroup?: string;
  citizenship?: string;
  operatorId?: number;
  personId?: number;
}

function filtered(db: Db, filter: VisitFilter) {
  const query = whereEqual(inCentresAndPeriod(db, 'visits', 'visitDate', filter), {
    'visits.originGroup': filter.originGroup,
    'visits.citizenship': filter.citizenship,
    'visits.operatorId': filter.operatorId,
    'visits.personId': filter.personId,
  });
  return whereLinked(query, 'visitTopics', 'visits.id', filter.topicId);
}

const VISIT_COLUMNS = [
  'visits.id',
  'visits.centreId',
  'visits.occurredAt',
  'visits.visitDate',
  'visits.channel',
  'visits.referralSource',
  'visits.personId',
  'visits.gender',
  'visits.citizenship',
  'visits.ageBand',
  'visits.originGroup',
  'visits.notes',
  'visits.operatorId',
  'visits.version',
] as const;

/** The topics of these visits, by visit. */
function topicsOf(db: Db, visitIds: number[]): Promise<Map<number, number[]>> {
  return groupsOf(
    visitIds,
    (ids) => db.selectFrom('visitTopics').select(['visitId', 'topicId']).where('visitId', 'in', ids).orderBy('topicId').execute(),
    (row) => row.visitId,
    (row) => row.topicId,
  );
}

/** A visit as the list reads it: its columns (not its year nor its stamps) and the names it shows. */
type VisitJoinedRow = Omit<Selectable<VisitsTable>, 'visitYear' | 'createdAt' | 'updatedAt'> & PersonAndOperatorNames;

export function toVisit(row: VisitJoinedRow, topicIds: number[]): Visit {
  return {
    id: row.id,
    centreId: row.centreId,
    occurredAt: row.occurredAt,
    date: row.visitDate,
    time: romeTimeOf(new Date(row.occurredAt)),
    channel: row.channel as Channel,
    referralSource: row.referralSource as ReferralSource,
    person: personOf(row),
    gender: row.gender as Gender,
    citizenship: row.citizenship,
    ageBand: row.ageBand as AgeBand,
    originGroup: row.originGroup as OriginGroup,
    topicIds,
    notes: row.notes,
    operator: userOf(row.operatorId, row.operatorName),
    version: row.version,
  };
}

function withJoins(db: Db, filter: VisitFilter) {
  return withPersonAndOperator(filtered(db, filter), 'visits').select(VISIT_COLUMNS);
}

export async function listVisits(db: Db, filter: VisitFilter, page: number, pageSize: number) {
  const newestFirst = withJoins(db, filter).orderBy('visits.occurredAt', 'desc').orderBy('visits.id', 'desc');
  return readCentresPage(filter.centreIds, newestFirst, filtered(db, filter), page, pageSize, async (rows) => {
    const topics = await topicsOf(
      db,
      rows.map((r) => r.id),
    );
    return withOpeningFlags(
      db,
      rows.map((r) => toVisit(r, topics.get(r.id) ?? [])),
    );
  });
}

/** All matching visits, oldest first, in batches: for exports that must not hold everything in memory. */
export async function* streamVisits(db: Db, filter: VisitFilter, batchSize = 2000): AsyncGenerator<Visit[]> {
  if (filter.centreIds.length === 0) return;
  let after: { occurredAt: string; id: number } | undefined;
  for (;;) {
    let query = withJoins(db, filter);
    if (after) {
      const cursor = after;
      query = query.where((eb) =>
        eb.or([
          eb('visits.occurredAt', '>', cursor.occurredAt),
          eb.and([eb('visits.occurredAt', '=', cursor.occurredAt), eb('visits.id', '>', cursor.id)]),
        ]),
      );
    }
    const rows = await query.orderBy('visits.occurredAt').orderBy('visits.id').limit(batchSize).execute();
    if (rows.length === 0) return;
    const topics = await topicsOf(
      db,
      rows.map((r) => r.id),
    );
    yield rows.map((r) => toVisit(r, topics.get(r.id) ?? []));
    const last = rows[rows.length - 1] as VisitJoinedRow;
    after = { occurredAt: last.occurredAt, id: last.id };
    if (rows.length < batchSize) return;
  }
}

export async function findVisit(db: Db, id: number, centreIds: number[]): Promise<Visit | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await withJoins(db, { centreIds }).where('visits.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const topics = await topicsOf(db, [id]);
  return toVisit(row, topics.get(id) ?? []);
}

/** Counts by category: aggregated figures only, no personal data. */
export async function summariseVisits(db: Db, filter: VisitFilter) {
  const countBy = async (column: 'visits.originGroup' | 'visits.gender' | 'visits.citizenship') => {
    const rows = await filtered(db, filter)
      .select((eb) => [eb.ref(column).as('category'), eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
  };
  const [byOriginGroup, byGender, byCitizenship, topicRows] = await Promise.all([
    countBy('visits.originGroup'),
    countBy('visits.gender'),
    countBy('visits.citizenship'),
    filtered(db, filter)
      .innerJoin('visitTopics', 'visitTopics.visitId', 'visits.id')
      .select(['visitTopics.topicId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('visitTopics.topicId')
      .execute(),
  ]);
  const total = Object.values(byOriginGroup).reduce((a, b) => a + b, 0);
  const byTopic = Object.fromEntries(topicRows.map((r) => [String(r.topicId), Number(r.n)]));
  return { total, byOriginGroup, byGender, byCitizenship, byTopic };
}

// Prepared: recording visits is the desk's hot path (see src/db/prepared.ts).
const insertVisitRow = prepared((db, v: Insertable<VisitsTable>) =>
  db
    .insertInto('visits')
    .values({
      centreId: v.centreId,
      occurredAt: v.occurredAt,
      visitDate: v.visitDate,
      visitYear: v.visitYear,
      channel: v.channel,
      personId: v.personId,
      gender: v.gender,
      citizenship: v.citizenship,
      ageBand: v.ageBand,
      originGroup: v.originGroup,
      referralSource: v.referralSource,
      notes: v.notes,
      operatorId: v.operatorId,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      version: v.version,
    })
    .returning('id'),
);
const insertVisitTopic = prepared((db, t: { visitId: number; topicId: number }) =>
  db.insertInto('visitTopics').values({ visitId: t.visitId, topicId: t.topicId }),
);

/** A new visit and its topics: the visit's id. */
export async function insertVisit(db: Db, visit: Insertable<VisitsTable>, topicIds: number[]): Promise<number> {
  const [inserted] = (await insertVisitRow(db, visit)).rows;
  const id = (inserted as { id: number }).id;
  for (const topicId of topicIds) await insertVisitTopic(db, { visitId: id, topicId });
  return id;
}

export async function deleteVisitRow(db: Db, id: number) {
  await db.deleteFrom('visitTopics').where('visitId', '=', id).execute();
  await db.deleteFrom('visits').where('id', '=', id).execute();
}

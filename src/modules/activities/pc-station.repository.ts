/** The public PC station's log: SQL only. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { PcStationSummary, PcStationUse } from '../../contracts/activities.js';
import type { PcPurpose } from '../../contracts/enums.js';
import { newestFirstRecords } from '../../db/centre-records.js';
import { type PersonAndOperatorNames, personOf, userOf, withPersonAndOperator } from '../../db/joined.js';
import { inCentresAndPeriod, type PeriodFilter, rowInCentres } from '../../db/queries.js';
import type { Database, PcStationUsesTable } from '../../db/schema.js';
import { pcUseCounts } from '../../domain/activities.js';

type Db = Kysely<Database>;

export interface PcUseFilter extends PeriodFilter {
  personId?: number;
}

function filtered(db: Db, filter: PcUseFilter) {
  let query = inCentresAndPeriod(db, 'pcStationUses', 'usedOn', filter);
  if (filter.personId) query = query.where('pcStationUses.personId', '=', filter.personId);
  return query;
}

function withJoins(db: Db, filter: PcUseFilter) {
  return withPersonAndOperator(filtered(db, filter), 'pcStationUses').select([
    'pcStationUses.id',
    'pcStationUses.centreId',
    'pcStationUses.usedOn',
    'pcStationUses.personId',
    'pcStationUses.purpose',
    'pcStationUses.minutes',
    'pcStationUses.operatorId',
    'pcStationUses.createdAt',
  ]);
}

/** A use as the list reads it: its columns (not the erased person's key) and the names it shows. */
export type PcUseJoinedRow = Omit<Selectable<PcStationUsesTable>, 'anonymousKey'> & PersonAndOperatorNames;

export function toPcUse(row: PcUseJoinedRow): PcStationUse {
  return {
    id: row.id,
    centreId: row.centreId,
    date: row.usedOn,
    person: personOf(row),
    purpose: row.purpose as PcPurpose,
    minutes: row.minutes,
    operator: userOf(row.operatorId, row.operatorName),
    createdAt: row.createdAt,
  };
}

/** Newest first: a page at a time, or every use matching in one query (a person's file). */
export const { page: listPcUses, all: allPcUses } = newestFirstRecords({
  table: 'pcStationUses',
  date: 'usedOn',
  matching: filtered,
  selected: withJoins,
  toItem: toPcUse,
});

/** A new use of the station; its id. */
export async function insertPcUse(db: Db, values: Insertable<PcStationUsesTable>): Promise<number> {
  const row = await db.insertInto('pcStationUses').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A use's centre, if it is in these centres: all a deletion needs to check (no names read). */
export function findPcUseCentre(db: Db, id: number, centreIds: number[]) {
  return rowInCentres(db, 'pcStationUses', id, centreIds, ['id', 'centreId']);
}

/** Uses are not versioned: a quick record, deleted as it is. */
export async function deletePcUseRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('pcStationUses').where('id', '=', id).execute();
}

/** Uses and minutes by purpose, and the distinct people known (an erased person's uses share an anonymous key): no personal data. */
export async function summarisePcUses(db: Db, filter: PcUseFilter): Promise<PcStationSummary> {
  if (filter.centreIds.length === 0) return pcUseCounts([], 0);
  const [purposeRows, people] = await Promise.all([
    filtered(db, filter)
      .select((eb) => [
        'pcStationUses.purpose',
        eb.fn.countAll<number>().as('uses'),
        eb.fn.sum<number>('pcStationUses.minutes').as('minutes'),
      ])
      .groupBy('pcStationUses.purpose')
      .execute(),
    filtered(db, filter)
      .select((eb) =>
        eb.fn
          .count<number>(sql`coalesce(${sql.ref('pcStationUses.personId')}, -${sql.ref('pcStationUses.anonymousKey')})`)
          .distinct()
          .as('n'),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return pcUseCounts(
    purposeRows.map((row) => ({ purpose: row.purpose as PcPurpose, uses: Number(row.uses), minutes: Number(row.minutes) })),
    Number(people.n),
  );
}

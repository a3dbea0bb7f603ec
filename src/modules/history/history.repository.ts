/**
 * The years before the records: the centres' published figures, and which years of a centre
 * have records of each kind (the report uses the records there). SQL only.
 */
import type { Kysely, Selectable } from 'kysely';
import type { HistoricalFiguresTable } from '../../db/schema/imports.js';
import type { Database } from '../../db/schema.js';
import { firstDayOf, lastDayOf } from '../../domain/care.js';
import { HISTORICAL_VALUE_KEYS } from '../../domain/history.js';

type Db = Kysely<Database>;

export type HistoricalFiguresRow = Omit<Selectable<HistoricalFiguresTable>, 'createdAt' | 'updatedAt' | 'createdBy'>;

const COLUMNS = ['id', 'centreId', 'year', ...HISTORICAL_VALUE_KEYS, 'source', 'version'] as const;

/** The language clubs: the only courses the report compares over the years (sections/courses.ts). */
export const LANGUAGE_CLUB_KIND = 'language_club';

function figuresOf(db: Db, centreIds: readonly number[]) {
  return db.selectFrom('historicalFigures').select(COLUMNS).where('centreId', 'in', centreIds);
}

/** The figures of these centres, newest year first (optionally only the years from..to). */
export async function listHistoricalFigures(
  db: Db,
  centreIds: readonly number[],
  years?: { from: number; to: number },
): Promise<HistoricalFiguresRow[]> {
  if (centreIds.length === 0) return [];
  let query = figuresOf(db, centreIds);
  if (years) query = query.where('year', '>=', years.from).where('year', '<=', years.to);
  return query.orderBy('year', 'desc').orderBy('centreId').execute();
}

export async function findHistoricalFigures(db: Db, id: number, centreIds: readonly number[]): Promise<HistoricalFiguresRow | undefined> {
  if (centreIds.length === 0) return undefined;
  return figuresOf(db, centreIds).where('id', '=', id).executeTakeFirst();
}

/** The id of the centre's figures of that year, if it has any. */
export async function historicalFiguresIdOf(db: Db, centreId: number, year: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('historicalFigures')
    .select('id')
    .where('centreId', '=', centreId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.id;
}

/** "centreId:year" of a centre's year with records of a kind. */
export const centreYear = (centreId: number, year: number) => `${centreId}:${year}`;

/** The centres' years (from..to) that have records of each kind, as centreYear keys. */
export interface RecordYears {
  /** At least one visit. */
  visits: Set<string>;
  /** At least one case period open at some moment of the year. */
  inCare: Set<string>;
  /** At least one language club started in the year. */
  enrolments: Set<string>;
}

export async function recordYears(db: Db, centreIds: readonly number[], from: number, to: number): Promise<RecordYears> {
  const years: RecordYears = { visits: new Set(), inCare: new Set(), enrolments: new Set() };
  if (centreIds.length === 0 || from > to) return years;
  const visits = await db
    .selectFrom('visits')
    .select(['centreId', 'visitYear'])
    .where('centreId', 'in', centreIds)
    .where('visitYear', '>=', from)
    .where('visitYear', '<=', to)
    .groupBy(['centreId', 'visitYear'])
    .execute();
  for (const v of visits) years.visits.add(centreYear(v.centreId, Number(v.visitYear)));

  // Each period touching the years, once per (centre, opening, closing): the years it covers.
  const periods = await db
    .selectFrom('casePeriods')
    .innerJoin('cases', 'cases.id', 'casePeriods.caseId')
    .select(['cases.centreId', 'casePeriods.openedOn', 'casePeriods.closedOn'])
    .where('cases.centreId', 'in', centreIds)
    .where('casePeriods.openedOn', '<=', lastDayOf(to))
    .where((eb) => eb.or([eb('casePeriods.closedOn', 'is', null), eb('casePeriods.closedOn', '>=', firstDayOf(from))]))
    .groupBy(['cases.centreId', 'casePeriods.openedOn', 'casePeriods.closedOn'])
    .execute();
  for (const p of periods) {
    const first = Math.max(from, Number(p.openedOn.slice(0, 4)));
    const last = Math.min(to, p.closedOn === null ? to : Number(p.closedOn.slice(0, 4)));
    for (let y = first; y <= last; y += 1) years.inCare.add(centreYear(p.centreId, y));
  }

  const clubs = await db
    .selectFrom('courses')
    .innerJoin('courseKinds', 'courseKinds.id', 'courses.kindId')
    .select(['courses.centreId', 'courses.startDate'])
    .where('courses.centreId', 'in', centreIds)
    .where('courseKinds.code', '=', LANGUAGE_CLUB_KIND)
    .where('courses.startDate', '>=', firstDayOf(from))
    .where('courses.startDate', '<=', lastDayOf(to))
    .execute();
  for (const c of clubs) years.enrolments.add(centreYear(c.centreId, Number(c.startDate.slice(0, 4))));
  return years;
}

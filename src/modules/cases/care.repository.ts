/**
 * Counting people in care: the same rule as domain/care.ts, computed by the database (and
 * tested against it on both). The annual report counts from memberPeriods too.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type CareMembership, firstDayOf, lastDayOf } from '../../domain/care.js';

type Db = Kysely<Database>;

/**
 * Who a member is, for counting: the person; once the file is erased, the key the erasure gave
 * all their member rows (negated, so it never meets a person id); failing that, the row itself.
 */
export const personKey = sql<number>`coalesce(${sql.ref('caseMembers.personId')}, -coalesce(${sql.ref('caseMembers.anonymousKey')}, ${sql.ref('caseMembers.id')}))`;

/** Each member row of the centres' cases with each period of its case: careSummary and the report count from it. */
export function memberPeriods(db: Db, centreIds: readonly number[]) {
  return db
    .selectFrom('caseMembers')
    .innerJoin('cases', 'cases.id', 'caseMembers.caseId')
    .innerJoin('casePeriods', 'casePeriods.caseId', 'cases.id')
    .where('cases.centreId', 'in', centreIds);
}

/**
 * Utenti presi in carico in the year (distinct people named by a case open at some moment of
 * it) and of them the new ones (first case opened in the year), for the given centres.
 */
export async function careSummary(db: Db, centreIds: readonly number[], year: number): Promise<{ inCare: number; new: number }> {
  if (centreIds.length === 0) return { inCare: 0, new: 0 };
  const first = firstDayOf(year);
  const last = lastDayOf(year);
  const openInYear: Expression<SqlBool> = sql<SqlBool>`${sql.ref('casePeriods.openedOn')} <= ${last} and (${sql.ref('casePeriods.closedOn')} is null or ${sql.ref('casePeriods.closedOn')} >= ${first})`;
  // One row per person: whether any period of theirs touches the year, and their first opening.
  // Periods opened after the year change neither, so they are left out.
  const perPerson = memberPeriods(db, centreIds)
    .where('casePeriods.openedOn', '<=', last)
    .select([
      personKey.as('personKey'),
      sql<number>`max(case when ${openInYear} then 1 else 0 end)`.as('inCare'),
      sql<string>`min(${sql.ref('casePeriods.openedOn')})`.as('firstOpenedOn'),
    ])
    .groupBy(personKey);
  const row = await db
    .selectFrom(perPerson.as('p'))
    .select([
      sql<number>`coalesce(sum(${sql.ref('p.inCare')}), 0)`.as('inCare'),
      sql<number>`coalesce(sum(case when ${sql.ref('p.inCare')} = 1 and ${sql.ref('p.firstOpenedOn')} >= ${first} then 1 else 0 end), 0)`.as(
        'newPeople',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { inCare: Number(row.inCare), new: Number(row.newPeople) };
}

/** The same data as plain memberships, for the domain functions (tests, checks). */
export async function careMemberships(db: Db, centreIds: readonly number[]): Promise<CareMembership<number>[]> {
  if (centreIds.length === 0) return [];
  const rows = await memberPeriods(db, centreIds)
    .select([personKey.as('personKey'), 'caseMembers.id as memberId', 'casePeriods.openedOn', 'casePeriods.closedOn'])
    .execute();
  const byMember = new Map<number, CareMembership<number> & { periods: Array<{ openedOn: string; closedOn: string | null }> }>();
  for (const row of rows) {
    const membership = byMember.get(row.memberId) ?? { personKey: Number(row.personKey), periods: [] };
    membership.periods.push({ openedOn: row.openedOn, closedOn: row.closedOn });
    byMember.set(row.memberId, membership);
  }
  return [...byMember.values()];
}

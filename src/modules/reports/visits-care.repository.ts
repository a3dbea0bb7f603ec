/**
 * The report's SQL over visits and people in care: aggregates only, no personal data leaves.
 * Visits are counted by the snapshot columns stored on each visit (its Rome year, origin
 * group, gender, citizenship), so anonymous visits count and past years do not move.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lastDayOf } from '../../domain/care.js';
import { memberPeriods, personKey } from '../cases/care.repository.js';

type Db = Kysely<Database>;

/** One combination of the visit's snapshot columns and how many visits of the year have it. */
export interface VisitCell {
  originGroup: string;
  gender: string;
  citizenship: string;
  referralSource: string;
  channel: string;
  n: number;
}

/**
 * The visits of the year counted by every combination of origin group, gender, citizenship,
 * referral source and channel: one pass over the year's visits, from which each breakdown is a
 * sum (a few hundred combinations even for a whole organisation).
 */
export async function visitCells(db: Db, centreIds: readonly number[], year: number): Promise<VisitCell[]> {
  if (centreIds.length === 0) return [];
  const rows = await db
    .selectFrom('visits')
    .select(['originGroup', 'gender', 'citizenship', 'referralSource', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centreId', 'in', centreIds)
    .where('visitYear', '=', year)
    .groupBy(['originGroup', 'gender', 'citizenship', 'referralSource', 'channel'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Visits of each year from `from` to `to` (years without visits are absent). */
export async function visitsByYear(db: Db, centreIds: readonly number[], from: number, to: number): Promise<Map<number, number>> {
  if (centreIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('visits')
    .select(['visitYear', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centreId', 'in', centreIds)
    .where('visitYear', '>=', from)
    .where('visitYear', '<=', to)
    .groupBy('visitYear')
    .execute();
  return new Map(rows.map((r) => [Number(r.visitYear), Number(r.n)]));
}

/**
 * The year's visits by request topic (a visit with two topics counts under each), with each
 * topic's catalogue code and Italian label, and the visits with no topic at all.
 */
export async function topicCounts(
  db: Db,
  centreIds: readonly number[],
  year: number,
): Promise<{ topics: Array<{ code: string; label: string; sortOrder: number; n: number }>; withoutTopic: number }> {
  if (centreIds.length === 0) return { topics: [], withoutTopic: 0 };
  // One pass: each visit with each of its topics, or once with none (topic null).
  const rows = await db
    .selectFrom('visits')
    .leftJoin('visitTopics', 'visitTopics.visitId', 'visits.id')
    .select(['visitTopics.topicId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('visits.centreId', 'in', centreIds)
    .where('visits.visitYear', '=', year)
    .groupBy('visitTopics.topicId')
    .execute();
  const mentions = rows.flatMap((r) => (r.topicId === null ? [] : [{ topicId: r.topicId, n: r.n }]));
  const without = { n: rows.find((r) => r.topicId === null)?.n ?? 0 };
  const ids = mentions.map((m) => m.topicId);
  const catalogue =
    ids.length === 0
      ? []
      : await db.selectFrom('requestTopics').select(['id', 'code', 'labelIt', 'sortOrder']).where('id', 'in', ids).execute();
  const byId = new Map(catalogue.map((t) => [t.id, t]));
  return {
    topics: mentions.map((m) => {
      const topic = byId.get(m.topicId);
      return {
        code: topic?.code ?? `topic-${m.topicId}`,
        label: topic?.labelIt ?? `Tipologia ${m.topicId}`,
        sortOrder: topic?.sortOrder ?? 0,
        n: Number(m.n),
      };
    }),
    withoutTopic: Number(without.n),
  };
}

/** A member row of a case with one period of that case, and the member's snapshot. */
export interface CareMemberPeriod {
  /** Who it is, as careSummary counts people (the person, or the erased person's key). */
  personKey: number;
  memberId: number;
  openedOn: string;
  closedOn: string | null;
  gender: string;
  citizenship: string;
  residenceKind: string;
  residenceComune: string | null;
  snapshotOn: string;
}

/**
 * Every member row of the centres' cases with each period of its case opened by the end of
 * `toYear`, and the member's snapshot: the people in care of any year up to it, who is new, and
 * their attributes all come from these rows (the domain/care.ts rules, applied in sections/care.ts).
 */
export async function careMemberPeriods(db: Db, centreIds: readonly number[], toYear: number): Promise<CareMemberPeriod[]> {
  if (centreIds.length === 0) return [];
  const rows = await memberPeriods(db, centreIds)
    .where('casePeriods.openedOn', '<=', lastDayOf(toYear))
    .select([
      personKey.as('personKey'),
      'caseMembers.id as memberId',
      'casePeriods.openedOn',
      'casePeriods.closedOn',
      'caseMembers.gender',
      'caseMembers.citizenship',
      'caseMembers.residenceKind',
      'caseMembers.residenceComune',
      'caseMembers.snapshotOn',
    ])
    .execute();
  return rows.map((r) => ({ ...r, personKey: Number(r.personKey), memberId: Number(r.memberId) }));
}

/** The lawyer's consultations and the cases they discussed: SQL only. */
import { type Kysely, sql } from 'kysely';
import {
  type CaseOption,
  type LegalConsultation,
  type LegalConsultationListItem,
  type LegalSummary,
  QUESTIONS_EXCERPT_LENGTH,
} from '../../contracts/activities.js';
import { joinUserName, userOf } from '../../db/joined.js';
import { readCentresPage } from '../../db/paging.js';
import { inCentresAndPeriod, type PeriodFilter, relatedCount } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export type ConsultationFilter = PeriodFilter;

function filtered(db: Db, filter: ConsultationFilter) {
  return inCentresAndPeriod(db, 'legalConsultations', 'heldOn', filter);
}

/** The columns a list and a consultation share (not its text). */
function withJoins(db: Db, filter: ConsultationFilter) {
  return joinUserName(filtered(db, filter), 'legalConsultations.createdBy', 'createdByName').select((eb) => [
    'legalConsultations.id',
    'legalConsultations.centreId',
    'legalConsultations.heldOn',
    'legalConsultations.minutes',
    'legalConsultations.lawyerName',
    'legalConsultations.createdBy',
    'legalConsultations.version',
    relatedCount(eb, 'legalConsultationCases', 'legalConsultationCases.consultationId', 'legalConsultations.id').as('caseCount'),
  ]);
}

type ConsultationRow = {
  id: number;
  centreId: number;
  heldOn: string;
  minutes: number;
  lawyerName: string | null;
  createdBy: number | null;
  createdByName: string | null;
  version: number;
  caseCount: number | null;
};

function toFields(row: ConsultationRow) {
  return {
    id: row.id,
    centreId: row.centreId,
    date: row.heldOn,
    minutes: row.minutes,
    lawyerName: row.lawyerName,
    createdBy: userOf(row.createdBy, row.createdByName),
    version: row.version,
  };
}

/**
 * The start of the questions, cut in SQL to one character more than the excerpt (so that a
 * long text is not read whole): substr counts characters alike on both databases.
 */
const questionsStart = sql<string>`substr(${sql.ref('legalConsultations.questions')}, 1, ${sql.lit(QUESTIONS_EXCERPT_LENGTH + 1)})`;

/** The excerpt a list shows: the first characters, with … when the text goes on. */
export function questionsExcerpt(start: string): string {
  const characters = Array.from(start);
  return characters.length > QUESTIONS_EXCERPT_LENGTH ? `${characters.slice(0, QUESTIONS_EXCERPT_LENGTH).join('')}…` : start;
}

/** Newest first, each with the start of its questions only. */
export async function listConsultations(
  db: Db,
  filter: ConsultationFilter,
  page: number,
  pageSize: number,
): Promise<{ items: LegalConsultationListItem[]; total: number }> {
  const newestFirst = withJoins(db, filter)
    .select(questionsStart.as('questionsStart'))
    .orderBy('legalConsultations.heldOn', 'desc')
    .orderBy('legalConsultations.id', 'desc');
  return readCentresPage(filter.centreIds, newestFirst, filtered(db, filter), page, pageSize, (rows) =>
    rows.map((row) => ({
      ...toFields(row),
      questionsExcerpt: questionsExcerpt(row.questionsStart),
      caseCount: Number(row.caseCount ?? 0),
    })),
  );
}

/** A consultation with its whole text, without its cases. */
export async function findConsultation(db: Db, id: number, centreIds: number[]): Promise<Omit<LegalConsultation, 'cases'> | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await withJoins(db, { centreIds })
    .select(['legalConsultations.questions', 'legalConsultations.guidance'])
    .where('legalConsultations.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toFields(row), questions: row.questions, guidance: row.guidance } : undefined;
}

/** Cases with whose they are: the person's names, or the household's name. */
function casesWithNames(db: Db, centreIds: number[]) {
  return db
    .selectFrom('cases')
    .leftJoin('people', 'people.id', 'cases.personId')
    .leftJoin('households', 'households.id', 'cases.householdId')
    .where('cases.centreId', 'in', centreIds)
    .select([
      'cases.id',
      'cases.centreId',
      'cases.personId',
      'cases.householdId',
      'people.givenNames',
      'people.familyNames',
      'households.name as householdName',
      'cases.status',
      'cases.openedOn',
    ]);
}

type CaseRow = {
  id: number;
  centreId: number;
  personId: number | null;
  householdId: number | null;
  givenNames: string | null;
  familyNames: string | null;
  householdName: string | null;
  status: string;
  openedOn: string;
};

function toCaseOption(row: CaseRow): CaseOption {
  const household = row.householdId !== null;
  const personName = row.familyNames !== null ? `${row.familyNames} ${row.givenNames ?? ''}`.trim() : null;
  return {
    id: row.id,
    centreId: row.centreId,
    kind: household ? 'household' : 'person',
    name: household ? row.householdName : personName,
    status: row.status,
    openedOn: row.openedOn,
  };
}

/** The cases a consultation discussed, among the cases of these centres (the reader's). */
export async function casesOfConsultation(db: Db, consultationId: number, centreIds: number[]): Promise<CaseOption[]> {
  if (centreIds.length === 0) return [];
  const rows = await casesWithNames(db, centreIds)
    .innerJoin('legalConsultationCases', 'legalConsultationCases.caseId', 'cases.id')
    .where('legalConsultationCases.consultationId', '=', consultationId)
    .orderBy('cases.id')
    .execute();
  return rows.map(toCaseOption);
}

/** The open cases of these centres, newest first: what a consultation may discuss. */
export async function openCases(db: Db, centreIds: number[], limit: number): Promise<CaseOption[]> {
  if (centreIds.length === 0) return [];
  const rows = await casesWithNames(db, centreIds).where('cases.status', '=', 'open').orderBy('cases.id', 'desc').limit(limit).execute();
  return rows.map(toCaseOption);
}

/**
 * The people these cases name, for the audit: a person's case its person, a household's case the
 * members it covers (case_members). Erased people are left out (their rows have no person).
 */
export async function peopleOfCases(db: Db, caseIds: readonly number[]): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('caseMembers')
    .select('caseMembers.personId')
    .where('caseMembers.caseId', 'in', caseIds)
    .where('caseMembers.personId', 'is not', null)
    .union(db.selectFrom('cases').select('cases.personId').where('cases.id', 'in', caseIds).where('cases.personId', 'is not', null))
    .execute();
  return rows.map((row) => row.personId as number).sort((a, b) => a - b);
}

/** Consultations, their minutes and the distinct cases discussed: no case ids, no personal data. */
export async function summariseConsultations(db: Db, filter: ConsultationFilter): Promise<LegalSummary> {
  if (filter.centreIds.length === 0) return { consultations: 0, minutes: 0, casesDiscussed: 0 };
  const [totals, cases] = await Promise.all([
    filtered(db, filter)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('legalConsultations.minutes').as('minutes')])
      .executeTakeFirstOrThrow(),
    filtered(db, filter)
      .innerJoin('legalConsultationCases', 'legalConsultationCases.consultationId', 'legalConsultations.id')
      .select((eb) => eb.fn.count<number>('legalConsultationCases.caseId').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { consultations: Number(totals.n), minutes: Number(totals.minutes ?? 0), casesDiscussed: Number(cases.n) };
}

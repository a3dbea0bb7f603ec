/** The lawyer's consultations and the cases they discussed: SQL only. */
import type { Kysely } from 'kysely';
import type { CaseOption, LegalConsultationListItem, LegalSummary } from '../../contracts/activities.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface ConsultationFilter {
  centreIds: number[];
  from?: string;
  to?: string;
}

function filtered(db: Db, filter: ConsultationFilter) {
  let query = db.selectFrom('legalConsultations').where('legalConsultations.centreId', 'in', filter.centreIds);
  if (filter.from) query = query.where('legalConsultations.heldOn', '>=', filter.from);
  if (filter.to) query = query.where('legalConsultations.heldOn', '<=', filter.to);
  return query;
}

function withJoins(db: Db, filter: ConsultationFilter) {
  return filtered(db, filter)
    .leftJoin('users', 'users.id', 'legalConsultations.createdBy')
    .select((eb) => [
      'legalConsultations.id',
      'legalConsultations.centreId',
      'legalConsultations.heldOn',
      'legalConsultations.minutes',
      'legalConsultations.lawyerName',
      'legalConsultations.questions',
      'legalConsultations.guidance',
      'legalConsultations.createdBy',
      'users.displayName as createdByName',
      'legalConsultations.version',
      eb
        .selectFrom('legalConsultationCases')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('legalConsultationCases.consultationId', '=', 'legalConsultations.id')
        .as('caseCount'),
    ]);
}

type ConsultationRow = {
  id: number;
  centreId: number;
  heldOn: string;
  minutes: number;
  lawyerName: string | null;
  questions: string;
  guidance: string | null;
  createdBy: number | null;
  createdByName: string | null;
  version: number;
  caseCount: number | null;
};

function toListItem(row: ConsultationRow): LegalConsultationListItem {
  return {
    id: row.id,
    centreId: row.centreId,
    date: row.heldOn,
    minutes: row.minutes,
    lawyerName: row.lawyerName,
    questions: row.questions,
    guidance: row.guidance,
    createdBy: row.createdBy !== null ? { id: row.createdBy, displayName: row.createdByName ?? '' } : null,
    version: row.version,
    caseCount: Number(row.caseCount ?? 0),
  };
}

/** Newest first. */
export async function listConsultations(db: Db, filter: ConsultationFilter, page: number, pageSize: number) {
  if (filter.centreIds.length === 0) return { items: [], total: 0 };
  const [rows, count] = await Promise.all([
    withJoins(db, filter)
      .orderBy('legalConsultations.heldOn', 'desc')
      .orderBy('legalConsultations.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toListItem), total: Number(count.n) };
}

export async function findConsultation(db: Db, id: number, centreIds: number[]): Promise<LegalConsultationListItem | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await withJoins(db, { centreIds }).where('legalConsultations.id', '=', id).executeTakeFirst();
  return row ? toListItem(row) : undefined;
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
export async function casesOfConsultation(db: Db, consultationId: number, centreIds: number[]) {
  if (centreIds.length === 0) return { options: [], personIds: [] };
  const rows = await casesWithNames(db, centreIds)
    .innerJoin('legalConsultationCases', 'legalConsultationCases.caseId', 'cases.id')
    .where('legalConsultationCases.consultationId', '=', consultationId)
    .orderBy('cases.id')
    .execute();
  return { options: rows.map(toCaseOption), personIds: rows.map((row) => row.personId) };
}

/** The open cases of these centres, newest first: what a consultation may discuss. */
export async function openCases(db: Db, centreIds: number[], limit: number) {
  if (centreIds.length === 0) return { options: [], personIds: [] };
  const rows = await casesWithNames(db, centreIds).where('cases.status', '=', 'open').orderBy('cases.id', 'desc').limit(limit).execute();
  return { options: rows.map(toCaseOption), personIds: rows.map((row) => row.personId) };
}

/** The ids among `caseIds` that are cases of this centre. */
export async function caseIdsOfCentre(db: Db, centreId: number, caseIds: number[]): Promise<Set<number>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db.selectFrom('cases').select('id').where('id', 'in', caseIds).where('centreId', '=', centreId).execute();
  return new Set(rows.map((row) => row.id));
}

export async function replaceConsultationCases(db: Db, consultationId: number, caseIds: number[]) {
  await db.deleteFrom('legalConsultationCases').where('consultationId', '=', consultationId).execute();
  if (caseIds.length > 0) {
    await db
      .insertInto('legalConsultationCases')
      .values(caseIds.map((caseId) => ({ consultationId, caseId })))
      .execute();
  }
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

/**
 * The lawyer's consultations (consulenza legale): the lawyer meets the operators about complex
 * cases and takes none. The cases discussed are personal data: only personal.read sees them.
 */
import type { Kysely } from 'kysely';
import type {
  CaseOption,
  LegalConsultation,
  LegalConsultationCreateInput,
  LegalConsultationListQuery,
  LegalConsultationUpdateInput,
  LegalSummary,
  SummaryQuery,
} from '../../contracts/activities.js';
import { orNotFound, replaceLinks, requireOfCentre } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { recordListing } from '../audit/audit.repository.js';
import { type AuditedKind, deleteRecord, insertRecord, recordReadNaming, updateRecord } from '../audit/audited-records.js';
import { type Actor, centreScope, pageInScope, periodScope, targetCentre } from '../auth/actor.js';
import {
  casesOfConsultation,
  findConsultation,
  listConsultations,
  openCases,
  peopleOfCases,
  summariseConsultations,
} from './legal.repository.js';

type Db = Kysely<Database>;

const CONSULTATION: AuditedKind<'legalConsultations'> = {
  table: 'legalConsultations',
  label: 'legal consultation',
  entity: 'legal_consultation',
};

/** How many open cases the form offers at most: a centre follows far fewer at a time. */
const CASE_OPTIONS_LIMIT = 500;

/** The cases, without repeats; each must be a case of the consultation's centre (else 404, as if absent). */
function checkCases(db: Db, centreId: number, caseIds: number[]): Promise<number[]> {
  return requireOfCentre(db, 'cases', centreId, caseIds, 'case');
}

/** The consultation with the cases it discussed, among the reader's centres' cases. Not logged. */
async function loadConsultation(db: Db, actor: Actor, id: number): Promise<LegalConsultation> {
  const consultation = await orNotFound(findConsultation(db, id, actor.centreIds), 'legal consultation');
  return { ...consultation, cases: await casesOfConsultation(db, id, actor.centreIds) };
}

export async function createConsultation(db: Db, actor: Actor, input: LegalConsultationCreateInput, now = new Date()) {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const caseIds = await checkCases(trx, centreId, input.caseIds);
    const values = {
      centreId,
      heldOn: input.date ?? todayInRome(now),
      minutes: input.minutes,
      lawyerName: input.lawyerName || null,
      questions: input.questions,
      guidance: input.guidance || null,
      createdBy: actor.userId,
    };
    return insertRecord(trx, actor, CONSULTATION, values, now, { table: 'legalConsultationCases', field: 'caseIds', ids: caseIds });
  });
  return loadConsultation(db, actor, id);
}

/** Opens a consultation with the cases it discussed: the read is logged. */
export async function getConsultation(db: Db, actor: Actor, id: number): Promise<LegalConsultation> {
  const consultation = await loadConsultation(db, actor, id);
  // The people its cases name (a household's case: its members) are logged with it, as lists log theirs.
  const people = await peopleOfCases(
    db,
    consultation.cases.map((c) => c.id),
  );
  await recordReadNaming(db, actor, CONSULTATION, consultation, people);
  return consultation;
}

export async function updateConsultation(db: Db, actor: Actor, id: number, input: LegalConsultationUpdateInput, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findConsultation(trx, id, actor.centreIds), 'legal consultation');
    const changes: Record<string, unknown> = {};
    if (input.date !== undefined) changes.heldOn = input.date;
    if (input.minutes !== undefined) changes.minutes = input.minutes;
    if (input.lawyerName !== undefined) changes.lawyerName = input.lawyerName || null;
    if (input.questions !== undefined) changes.questions = input.questions;
    if (input.guidance !== undefined) changes.guidance = input.guidance || null;
    const stored = {
      heldOn: existing.date,
      minutes: existing.minutes,
      lawyerName: existing.lawyerName,
      questions: existing.questions,
      guidance: existing.guidance,
    };
    const links = input.caseIds && {
      table: 'legalConsultationCases' as const,
      field: 'caseIds',
      ids: await checkCases(trx, existing.centreId, input.caseIds),
    };
    await updateRecord(
      trx,
      actor,
      CONSULTATION,
      { id, centreId: existing.centreId },
      { version: input.version, changes, stored, links },
      now,
    );
  });
  return loadConsultation(db, actor, id);
}

/** Deletes a consultation at the version read (?version=): 409 if it was changed since. */
export async function deleteConsultation(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findConsultation(trx, id, actor.centreIds), 'legal consultation');
    await replaceLinks(trx, 'legalConsultationCases', id, []);
    await deleteRecord(trx, actor, CONSULTATION, { id, centreId: existing.centreId }, version);
  });
}

/**
 * The consultations of a period: the start of their questions and how many cases each discussed
 * (not which, nor the whole text: those are in the consultation, whose reading is logged).
 */
export async function listConsultationsFor(db: Db, actor: Actor, query: LegalConsultationListQuery) {
  return pageInScope(actor, query, (filter, page, pageSize) => listConsultations(db, filter, page, pageSize));
}

/** The open cases a consultation may name, with whose they are: the list is logged with the people they name. */
export async function caseOptionsFor(db: Db, actor: Actor, centreId?: number): Promise<CaseOption[]> {
  const options = await openCases(db, centreScope(actor, centreId), CASE_OPTIONS_LIMIT);
  await recordListing(
    db,
    actor.userId,
    'legal_case_option',
    await peopleOfCases(
      db,
      options.map((option) => option.id),
    ),
  );
  return options;
}

/** Aggregated figures (statistics.read): no case ids. */
export async function summariseConsultationsFor(db: Db, actor: Actor, query: SummaryQuery): Promise<LegalSummary> {
  return summariseConsultations(db, periodScope(actor, query));
}

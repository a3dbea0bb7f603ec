/**
 * The lawyer's consultations (consulenza legale): the lawyer meets the operators about complex
 * cases and takes none. The cases discussed are personal data: only personal.read sees them.
 */
import { type Kysely, sql } from 'kysely';
import type {
  CaseOption,
  LegalConsultation,
  LegalConsultationCreateInput,
  LegalConsultationListQuery,
  LegalConsultationUpdateInput,
  LegalSummary,
  SummaryQuery,
} from '../../contracts/activities.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { recordAudit, recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope, targetCentre } from '../auth/actor.js';
import {
  caseIdsOfCentre,
  casesOfConsultation,
  findConsultation,
  listConsultations,
  openCases,
  replaceConsultationCases,
  summariseConsultations,
} from './legal.repository.js';

type Db = Kysely<Database>;

/** How many open cases the form offers at most: a centre follows far fewer at a time. */
const CASE_OPTIONS_LIMIT = 500;

/** The cases, without repeats; each must be a case of the consultation's centre (else 404, as if absent). */
async function checkCases(db: Db, centreId: number, caseIds: number[]): Promise<number[]> {
  const unique = [...new Set(caseIds)];
  const found = await caseIdsOfCentre(db, centreId, unique);
  if (unique.some((id) => !found.has(id))) throw notFound('case');
  return unique;
}

/** The consultation with the cases it discussed, among the reader's centres' cases. Not logged. */
async function loadConsultation(db: Db, actor: Actor, id: number): Promise<LegalConsultation & { personIds: Array<number | null> }> {
  const consultation = await findConsultation(db, id, actor.centreIds);
  if (!consultation) throw notFound('legal consultation');
  const { caseCount: _, ...fields } = consultation;
  const cases = await casesOfConsultation(db, id, actor.centreIds);
  return { ...fields, cases: cases.options, personIds: cases.personIds };
}

export async function createConsultation(db: Db, actor: Actor, input: LegalConsultationCreateInput, now = new Date()) {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const caseIds = await checkCases(trx, centreId, input.caseIds);
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('legalConsultations')
      .values({
        centreId,
        heldOn: input.date ?? todayInRome(now),
        minutes: input.minutes,
        lawyerName: input.lawyerName || null,
        questions: input.questions,
        guidance: input.guidance || null,
        createdBy: actor.userId,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceConsultationCases(trx, row.id, caseIds);
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'legal_consultation', entityId: row.id }, now);
    return row.id;
  });
  const { personIds: _, ...consultation } = await loadConsultation(db, actor, id);
  return consultation;
}

/** Opens a consultation with the cases it discussed: the read is logged. */
export async function getConsultation(db: Db, actor: Actor, id: number): Promise<LegalConsultation> {
  const { personIds, ...consultation } = await loadConsultation(db, actor, id);
  // The people whose cases it names are logged with it, as lists log theirs.
  const people = [...new Set(personIds.filter((personId): personId is number => personId !== null))];
  await recordAudit(db, {
    userId: actor.userId,
    centreId: consultation.centreId,
    action: 'read',
    entity: 'legal_consultation',
    entityId: id,
    ...(people.length > 0 && { details: { personIds: people } }),
  });
  return consultation;
}

export async function updateConsultation(db: Db, actor: Actor, id: number, input: LegalConsultationUpdateInput, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const existing = await findConsultation(trx, id, actor.centreIds);
    if (!existing) throw notFound('legal consultation');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const changes: Record<string, unknown> = {};
    if (input.date !== undefined) changes.heldOn = input.date;
    if (input.minutes !== undefined) changes.minutes = input.minutes;
    if (input.lawyerName !== undefined) changes.lawyerName = input.lawyerName || null;
    if (input.questions !== undefined) changes.questions = input.questions;
    if (input.guidance !== undefined) changes.guidance = input.guidance || null;
    const stored: Record<string, unknown> = {
      heldOn: existing.date,
      minutes: existing.minutes,
      lawyerName: existing.lawyerName,
      questions: existing.questions,
      guidance: existing.guidance,
    };
    // The log names the fields whose value changed, never the values.
    const changed = Object.keys(changes).filter((key) => changes[key] !== stored[key]);
    const updated = await trx
      .updateTable('legalConsultations')
      .set({ ...changes, updatedAt: now.toISOString(), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(existing.version + 1);
    if (input.caseIds !== undefined) {
      await replaceConsultationCases(trx, id, await checkCases(trx, existing.centreId, input.caseIds));
      changed.push('caseIds');
    }
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: existing.centreId,
        action: 'update',
        entity: 'legal_consultation',
        entityId: id,
        details: { fields: changed },
      },
      now,
    );
  });
  const { personIds: _, ...consultation } = await loadConsultation(db, actor, id);
  return consultation;
}

export async function deleteConsultation(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await findConsultation(trx, id, actor.centreIds);
    if (!existing) throw notFound('legal consultation');
    await replaceConsultationCases(trx, id, []);
    await trx.deleteFrom('legalConsultations').where('id', '=', id).execute();
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: existing.centreId,
      action: 'delete',
      entity: 'legal_consultation',
      entityId: id,
    });
  });
}

/** The consultations of a period, with how many cases each discussed (not which: that is in the consultation). */
export async function listConsultationsFor(db: Db, actor: Actor, query: LegalConsultationListQuery) {
  const { page, pageSize, centreId, ...rest } = query;
  const result = await listConsultations(db, { ...rest, centreIds: centreScope(actor, centreId) }, page, pageSize);
  return { ...result, page, pageSize };
}

/** The open cases a consultation may name, with whose they are: the list is logged. */
export async function caseOptionsFor(db: Db, actor: Actor, centreId?: number): Promise<CaseOption[]> {
  const cases = await openCases(db, centreScope(actor, centreId), CASE_OPTIONS_LIMIT);
  await recordListing(db, actor.userId, 'legal_case_option', cases.personIds);
  return cases.options;
}

/** Aggregated figures (statistics.read): no case ids. */
export async function summariseConsultationsFor(db: Db, actor: Actor, query: SummaryQuery): Promise<LegalSummary> {
  return summariseConsultations(db, { from: query.from, to: query.to, centreIds: centreScope(actor, query.centreId) });
}

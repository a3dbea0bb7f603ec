/** The SQL of a person's data export that the other areas' use cases do not already give. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Every visit of the person in the centres, oldest first, with its topics (code and Italian label). */
export async function visitsOfPerson(db: Db, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  const visits = await db
    .selectFrom('visits')
    .select(['id', 'occurredAt', 'visitDate', 'channel', 'referralSource', 'notes'])
    .where('personId', '=', personId)
    .where('centreId', 'in', centreIds)
    .orderBy('occurredAt')
    .orderBy('id')
    .execute();
  if (visits.length === 0) return [];
  const topics = await db
    .selectFrom('visitTopics')
    .innerJoin('requestTopics', 'requestTopics.id', 'visitTopics.topicId')
    .select(['visitTopics.visitId', 'requestTopics.code', 'requestTopics.labelIt as label'])
    .where(
      'visitTopics.visitId',
      'in',
      visits.map((v) => v.id),
    )
    .orderBy('requestTopics.sortOrder')
    .execute();
  return visits.map((visit) => ({
    ...visit,
    topics: topics.filter((t) => t.visitId === visit.id).map(({ code, label }) => ({ code, label })),
  }));
}

/** The events the person took part in (named as a participant), oldest first. */
export function eventsOfPerson(db: Db, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events')
    .innerJoin('eventParticipants', 'eventParticipants.eventId', 'events.id')
    .select(['events.title', 'events.eventDate as date', 'events.place'])
    .where('eventParticipants.personId', '=', personId)
    .where('events.centreId', 'in', centreIds)
    .orderBy('events.eventDate')
    .orderBy('events.id')
    .execute();
}

/** A consultation's own columns: read, and grouped by (one row a consultation, with its cases counted). */
const CONSULTATION_COLUMNS = [
  'legalConsultations.id',
  'legalConsultations.heldOn',
  'legalConsultations.minutes',
  'legalConsultations.lawyerName',
  'legalConsultations.questions',
  'legalConsultations.guidance',
] as const;

/**
 * The lawyer's consultations that discussed any of these cases, oldest first, each with how many
 * cases it discussed in all and how many of them are among these.
 */
export async function consultationsOfCases(db: Db, caseIds: number[], centreIds: number[]) {
  if (caseIds.length === 0 || centreIds.length === 0) return [];
  return db
    .selectFrom('legalConsultations')
    .innerJoin('legalConsultationCases as discussed', 'discussed.consultationId', 'legalConsultations.id')
    .select((eb) => [
      ...CONSULTATION_COLUMNS,
      eb.fn.count<number>('discussed.caseId').as('cases'),
      eb.fn.sum<number>(eb.case().when('discussed.caseId', 'in', caseIds).then(1).else(0).end()).as('casesOfPerson'),
    ])
    .where('legalConsultations.centreId', 'in', centreIds)
    .where('legalConsultations.id', 'in', db.selectFrom('legalConsultationCases').select('consultationId').where('caseId', 'in', caseIds))
    .groupBy(CONSULTATION_COLUMNS)
    .orderBy('legalConsultations.heldOn')
    .orderBy('legalConsultations.id')
    .execute();
}

/** The person's erasure requests in the centres, oldest first (only refused ones can name a person still on file). */
export function erasureRequestsOf(db: Db, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('erasureRequests')
    .select(['requestedOn', 'reason', 'outcome', 'refusalReason'])
    .where('personId', '=', personId)
    .where('centreId', 'in', centreIds)
    .orderBy('requestedOn')
    .orderBy('id')
    .execute();
}

/** Who opened the person's file, by the role the readers have now: how many reads and the last one (an instant). */
export function readsOfPersonByRole(db: Db, personId: number) {
  return db
    .selectFrom('auditLog')
    .innerJoin('users', 'users.id', 'auditLog.userId')
    .select((eb) => ['users.role', eb.fn.countAll<number>().as('reads'), eb.fn.max('auditLog.at').as('lastAt')])
    .where('auditLog.action', '=', 'read')
    .where('auditLog.entity', '=', 'person')
    .where('auditLog.entityId', '=', String(personId))
    .groupBy('users.role')
    .orderBy('users.role')
    .execute();
}

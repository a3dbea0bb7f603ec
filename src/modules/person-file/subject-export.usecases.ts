/**
 * A person's data given back (GDPR arts. 15 and 20): everything Approdo holds about the person,
 * as JSON (contracts/subject-export.ts) and as a PDF in Italian (exports/subject/pdf.ts).
 *
 * The rule for what is left out, said in the JSON (`restrictedNotesRule`) and on the PDF's last
 * page:
 * - Restricted diary notes (health, legal) are in only when the exporting user may read them:
 *   the check of the diary itself (domain/care.ts canReadNote: the coordinator, the case's
 *   responsible operator, the note's author). The others are counted, not given: the person may
 *   ask the coordinator, who reads them all, for a complete export.
 * - Other people's data are never in. A household member, or another member of a household case,
 *   appears only as their relation; their names are replaced by [omissis] in every free text
 *   (case notes and plans, referrals, visit notes, household names); household notes, other
 *   people's visits and files are not in. A lawyer's consultation gives its questions and guidance only
 *   when every case it discussed is one of the person's.
 */
import type { Kysely } from 'kysely';
import type { Case } from '../../contracts/cases.js';
import { MASKED_NAME, SUBJECT_EXPORT_SCHEMA, type SubjectExport } from '../../contracts/subject-export.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { romeDateOf, romeTimeOf } from '../../domain/dates.js';
import { safeFileName } from '../../exports/pdf.js';
import { subjectExportPdf } from '../../exports/subject/pdf.js';
import { applicationsForPerson } from '../activities/applications.usecases.js';
import { pcStationUsesForPerson } from '../activities/pc-station.usecases.js';
import { recordAudit, recordPersonRead } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { casesForPerson } from '../cases/cases.usecases.js';
import { enrolmentsForPerson } from '../courses/person-courses.usecases.js';
import { documentsForPerson } from '../documents/documents.usecases.js';
import { centreContacts } from '../events/events.repository.js';
import { loadPersonHousehold } from '../households/households.usecases.js';
import { findPersonRow, toPerson } from '../people/people.repository.js';
import { privacyOfPerson } from '../privacy/privacy.usecases.js';
import {
  consultationsOfCases,
  erasureRequestsOf,
  eventsOfPerson,
  readsOfPersonByRole,
  visitsOfPerson,
} from './subject-export.repository.js';

type Db = Kysely<Database>;

export type ExportFormat = 'json' | 'pdf';

export const RESTRICTED_NOTES_RULE =
  "Le note riservate (salute, legale) sono incluse solo se chi esporta può leggerle: il coordinatore, l'operatore responsabile del caso, l'autore della nota; le altre sono contate, non riportate; nei casi di un nucleo familiare le note riservate non sono mai incluse (possono riguardare un altro componente), e sono contate. I dati di altre persone non sono inclusi: i componenti del nucleo e degli altri casi familiari compaiono solo con la relazione, e i loro nomi sono sostituiti da [omissis] nei testi liberi; i testi delle consulenze legali sono inclusi solo se tutti i casi discussi sono della persona.";

/** Whole words, any case, letters of any alphabet: "Karim" masks "karim," but not "Karimov". */
function namePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * Replaces the other people's names in a free text by [omissis]: each word of their given and
 * family names (two letters at least), except those the person's own names share (a family name
 * common to the household stays: it names the person too).
 */
export function maskOthers(
  others: readonly { givenNames: string; familyNames: string }[],
  own: { givenNames: string; familyNames: string },
): (text: string | null) => string | null {
  const words = (names: string) => names.split(/[\s'’-]+/u).filter((w) => w.length >= 2);
  const ownWords = new Set(words(`${own.givenNames} ${own.familyNames}`).map((w) => w.toLocaleLowerCase('it')));
  const masked = [
    ...new Set(others.flatMap((o) => words(`${o.givenNames} ${o.familyNames}`)).filter((w) => !ownWords.has(w.toLocaleLowerCase('it')))),
  ]
    .sort((a, b) => b.length - a.length)
    .map(namePattern);
  return (text) => (text === null ? null : masked.reduce((out, pattern) => out.replace(pattern, MASKED_NAME), text));
}

type Mask = ReturnType<typeof maskOthers>;

function exportedCase(c: Case, personId: number, mask: Mask): SubjectExport['cases'][number] {
  const text = (value: string) => mask(value) ?? '';
  // In a household's case a restricted note (health, legal) may be about another member: masking
  // the names would leave "the wife: …" readable (art. 15(4)), so it is withheld, and counted.
  const given = c.household ? c.notes.filter((n) => n.restriction === null) : c.notes;
  return {
    status: c.status,
    of: c.household ? 'household' : 'person',
    relation: c.members.find((m) => m.person?.id === personId)?.relation ?? null,
    otherMembers: c.members.filter((m) => m.person?.id !== personId).map((m) => ({ relation: m.relation })),
    areas: c.areas,
    referralSource: c.referralSource,
    responsibleOperator: c.responsible?.displayName ?? null,
    summary: mask(c.summary),
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    periods: c.periods.map((p) => ({
      openedOn: p.openedOn,
      closedOn: p.closedOn,
      closingReason: p.closingReason,
      closingNotes: mask(p.closingNotes),
    })),
    plan: c.goals.map((g) => ({
      goal: text(g.title),
      description: mask(g.description),
      status: g.status,
      actions: g.actions.map((a) => ({ description: text(a.description), status: a.status, dueOn: a.dueOn, doneOn: a.doneOn })),
    })),
    // Oldest first, as a diary is read on paper.
    notes: [...given].reverse().map((n) => ({ date: n.noteDate, body: text(n.body), restriction: n.restriction })),
    withheldNotes: c.hiddenNotes + (c.notes.length - given.length),
    referrals: c.referrals.map((r) => ({
      direction: r.direction,
      service: r.service,
      serviceDetail: r.serviceDetail,
      referredOn: r.referredOn,
      reason: text(r.reason),
      status: r.status,
      notes: mask(r.notes),
    })),
  };
}

/** Everything held about the person, in the actor's centres (404 elsewhere); neither logs nor checks the role. */
async function gatherExport(db: Db, actor: Actor, personId: number, now: Date) {
  const row = await orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
  const person = toPerson(row);
  const household = await loadPersonHousehold(db, row);
  const cases = await casesForPerson(db, actor, personId);

  const others = new Map<number, { givenNames: string; familyNames: string }>();
  for (const m of household.current?.members ?? []) others.set(m.personId, m);
  for (const c of cases) for (const m of c.members) if (m.person) others.set(m.person.id, m.person);
  others.delete(personId);
  const mask = maskOthers([...others.values()], person);

  const visits = await visitsOfPerson(db, personId, actor.centreIds);
  const { permits, identityDocuments } = await documentsForPerson(db, actor, personId);
  const courses = await enrolmentsForPerson(db, actor, personId, now);
  const applications = await applicationsForPerson(db, actor, personId);
  const pcStationUses = await pcStationUsesForPerson(db, actor, personId);
  const ownCaseIds = cases.map((c) => c.id);
  const consultations = await consultationsOfCases(db, ownCaseIds, actor.centreIds);
  const events = await eventsOfPerson(db, personId, actor.centreIds);
  const privacy = await privacyOfPerson(db, actor, row);
  const erasureRequests = await erasureRequestsOf(db, personId, actor.centreIds);
  const readers = await readsOfPersonByRole(db, personId);
  const centre = await centreContacts(db, row.centreId);

  const data: SubjectExport = {
    schema: SUBJECT_EXPORT_SCHEMA,
    generatedAt: now.toISOString(),
    controller: { centre: centre.name, organisation: centre.organisationName },
    person: {
      givenNames: person.givenNames,
      familyNames: person.familyNames,
      gender: person.gender,
      birthDate: person.birthDate,
      birthCountry: person.birthCountry,
      citizenship: person.citizenship,
      fiscalCode: person.fiscalCode,
      languages: person.languages,
      registeredOn: romeDateOf(new Date(person.createdAt)),
      updatedOn: romeDateOf(new Date(person.updatedAt)),
    },
    contacts: { phone: person.phone, email: person.email },
    residence: {
      kind: person.residence.kind,
      comuneIstat: person.residence.kind === 'comune' ? person.residence.comuneIstat : null,
      comuneName: person.residence.kind === 'comune' ? person.residence.comuneName : null,
    },
    visits: visits.map((v) => ({
      date: v.visitDate,
      time: romeTimeOf(new Date(v.occurredAt)),
      channel: v.channel as SubjectExport['visits'][number]['channel'],
      referralSource: v.referralSource as SubjectExport['visits'][number]['referralSource'],
      topics: v.topics,
      notes: mask(v.notes),
    })),
    cases: cases.map((c) => exportedCase(c, personId, mask)),
    household: {
      current: household.current
        ? {
            name: mask(household.current.name) ?? '',
            relation: household.current.relation,
            joinedOn: household.current.joinedOn,
            otherMembers: household.current.members.filter((m) => m.personId !== personId).map((m) => ({ relation: m.relation })),
          }
        : null,
      memberships: household.memberships.map((m) => ({
        household: mask(m.householdName) ?? '',
        relation: m.relation,
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
      })),
    },
    documents: {
      residencePermits: permits.map((p) => ({
        permitType: p.permitType,
        number: p.number,
        issuedOn: p.issuedOn,
        expiresOn: p.expiresOn,
        renewalStatus: p.renewalStatus,
        notes: mask(p.notes),
      })),
      identityDocuments: identityDocuments.map((d) => ({
        kind: d.kind,
        number: d.number,
        issuingCountry: d.issuingCountry,
        issuedOn: d.issuedOn,
        expiresOn: d.expiresOn,
      })),
    },
    courses: {
      enrolments: courses.enrolments.map((e) => ({
        course: e.course.title,
        kind: { code: e.course.kind.code, label: e.course.kind.labelIt },
        level: e.course.level,
        startDate: e.course.startDate,
        endDate: e.course.endDate,
        programme: e.programme,
        enrolledOn: e.enrolledOn,
        withdrawnOn: e.withdrawnOn,
        lessonsHeld: e.heldWhileEnrolled,
        lessonsAttended: e.attended,
        completed: e.completed,
      })),
      waitingList: courses.waitingList.map((w) => ({
        kind: w.kind,
        requestedOn: w.requestedOn,
        status: w.status,
        closedOn: w.closedOn,
        notes: mask(w.notes),
      })),
    },
    activities: {
      applications: applications.map((a) => ({
        date: a.date,
        type: { code: a.type.code, label: a.type.labelIt },
        outcome: a.outcome,
        notes: mask(a.notes),
      })),
      legalConsultations: consultations.map((c) => {
        const onlyOwn = Number(c.casesOfPerson) === Number(c.cases);
        return {
          date: c.heldOn,
          minutes: c.minutes,
          lawyer: c.lawyerName,
          questions: onlyOwn ? mask(c.questions) : null,
          guidance: onlyOwn ? mask(c.guidance) : null,
          textWithheld: !onlyOwn,
        };
      }),
      pcStationUses: pcStationUses.map((u) => ({ date: u.date, purpose: u.purpose, minutes: u.minutes })),
    },
    events,
    privacyNotices: privacy.notices.map((n) => ({ givenOn: n.givenOn, version: n.noticeVersion, language: n.language })),
    erasureRequests: erasureRequests.map((r) => ({
      requestedOn: r.requestedOn,
      reason: mask(r.reason) ?? '',
      outcome: r.outcome as SubjectExport['erasureRequests'][number]['outcome'],
      refusalReason: mask(r.refusalReason),
    })),
    recipients: {
      readers: readers.map((r) => ({ role: r.role, reads: Number(r.reads), lastReadOn: romeDateOf(new Date(String(r.lastAt))) })),
      servicesReferredTo: [
        ...new Set(cases.flatMap((c) => c.referrals.filter((r) => r.direction === 'outgoing').map((r) => r.service))),
      ].sort(),
    },
    restrictedNotesRule: RESTRICTED_NOTES_RULE,
  };
  return { data, person: row };
}

/**
 * The export, and its audit: one read of the person's file (as opening it is, so the review of
 * unusual reading counts it) and one export row naming the format, in one transaction.
 */
async function auditedExport(db: Db, actor: Actor, personId: number, format: ExportFormat, now: Date) {
  return inTransaction(db, async (trx) => {
    const gathered = await gatherExport(trx, actor, personId, now);
    await recordPersonRead(trx, actor.userId, gathered.person, 'export');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: gathered.person.centreId,
        action: 'export',
        entity: 'person',
        entityId: personId,
        details: { format },
      },
      now,
    );
    return gathered;
  });
}

export async function subjectExportJson(db: Db, actor: Actor, personId: number, now = new Date()) {
  const { data } = await auditedExport(db, actor, personId, 'json', now);
  return { data, fileName: exportFileName(data, 'json') };
}

export async function subjectExportPdfFor(db: Db, actor: Actor, personId: number, now = new Date()) {
  const { data } = await auditedExport(db, actor, personId, 'pdf', now);
  return { pdf: await subjectExportPdf(data), fileName: exportFileName(data, 'pdf') };
}

/** "dati-benali-aisha-2026-12-07.pdf": ASCII, safe in a header. */
function exportFileName(data: SubjectExport, extension: string): string {
  const stem = `dati ${data.person.familyNames} ${data.person.givenNames} ${data.generatedAt.slice(0, 10)}`;
  return safeFileName(stem, extension, 'dati-personali');
}

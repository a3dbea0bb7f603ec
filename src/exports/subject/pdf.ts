/**
 * A person's data given back, printed (GDPR art. 15): the export's data (contracts/subject-export.ts)
 * as an A4 PDF in Italian, one section per part of the file, dates as 07/12/2026, values in
 * words; the last page says what the copy leaves out and why.
 */
import { type LabelList, type LabelValue, labelOf } from '../../contracts/labels.js';
import type { SubjectExport } from '../../contracts/subject-export.js';
import { romeDateOf } from '../../domain/dates.js';
import { findCountry } from '../../reference/index.js';
import { createPdf, pdfMuted as muted, PDF_COLOURS, pdfBytes, pdfLabelled, pdfTitle, pdfSection as section } from '../pdf.js';

type Doc = PDFKit.PDFDocument;

/** "2024-03-08" → "08/03/2024"; null → "—". */
export function italianDate(iso: string | null): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function word<L extends LabelList>(list: L, value: string | null): string {
  return value === null ? '—' : (labelOf('it', list, value as LabelValue<L>) ?? value);
}

function country(code: string | null): string {
  return code ? (findCountry(code)?.it ?? code) : '—';
}

const languageNames = new Intl.DisplayNames(['it'], { type: 'language' });
function language(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function subheading(doc: Doc, text: string) {
  doc.moveDown(0.4);
  doc.font('bold').fontSize(12).fillColor(PDF_COLOURS.ink).text(text);
  doc.font('regular').fontSize(11);
}

/** A paragraph; `indent` shifts every line of it (pdfkit's own indent moves the first line only). */
function line(doc: Doc, text: string, indent = 0) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right - indent;
  doc
    .font('regular')
    .fontSize(11)
    .fillColor(PDF_COLOURS.ink)
    .text(text, left + indent, doc.y, { width, lineGap: 1 });
  doc.x = left;
}

function labelled(doc: Doc, label: string, value: string | null) {
  pdfLabelled(doc, label, value ?? '—', 11);
}

function none(doc: Doc, items: readonly unknown[], text = 'Nessun dato.'): boolean {
  if (items.length === 0) muted(doc, text);
  return items.length === 0;
}

function identity(doc: Doc, data: SubjectExport) {
  const p = data.person;
  section(doc, 'Identità e contatti');
  labelled(doc, 'Cognome', p.familyNames);
  labelled(doc, 'Nome', p.givenNames);
  labelled(doc, 'Genere', word('gender', p.gender));
  labelled(doc, 'Data di nascita', italianDate(p.birthDate));
  labelled(doc, 'Paese di nascita', country(p.birthCountry));
  labelled(doc, 'Cittadinanza', country(p.citizenship));
  labelled(doc, 'Codice fiscale', p.fiscalCode);
  labelled(doc, 'Lingue', p.languages.length ? p.languages.map(language).join(', ') : null);
  labelled(doc, 'Telefono', data.contacts.phone);
  labelled(doc, 'E-mail', data.contacts.email);
  labelled(doc, 'Registrata il', italianDate(p.registeredOn));
  labelled(doc, 'Ultima modifica', italianDate(p.updatedOn));

  section(doc, 'Residenza');
  const r = data.residence;
  line(
    doc,
    r.kind === 'comune' ? `Comune di ${r.comuneName ?? r.comuneIstat}` : r.kind === 'no_fixed_abode' ? 'Senza fissa dimora' : 'Non nota',
  );
}

function visits(doc: Doc, data: SubjectExport) {
  section(doc, 'Visite');
  if (none(doc, data.visits)) return;
  for (const v of data.visits) {
    const topics = v.topics.map((t) => t.label).join(', ');
    doc.font('bold').text(`${italianDate(v.date)} ${v.time}`, { continued: true });
    doc.font('regular').text(` · ${word('channel', v.channel)}${topics ? ` · ${topics}` : ''}`);
    if (v.notes) line(doc, v.notes, 14);
  }
}

function cases(doc: Doc, data: SubjectExport) {
  section(doc, 'Percorsi di presa in carico');
  if (none(doc, data.cases)) return;
  for (const c of data.cases) {
    subheading(doc, `Presa in carico dal ${italianDate(c.openedOn)}${c.closedOn ? ` al ${italianDate(c.closedOn)}` : ''}`);
    labelled(doc, 'Stato', word('caseStatus', c.status));
    if (c.of === 'household') {
      const others = c.otherMembers.map((m) => word('householdRelation', m.relation)).join(', ');
      labelled(
        doc,
        'Caso del nucleo familiare',
        `relazione: ${word('householdRelation', c.relation)}${others ? `; altri componenti: ${others}` : ''}`,
      );
    }
    labelled(doc, 'Aree', c.areas.map((a) => word('caseArea', a)).join(', '));
    labelled(doc, 'Invio', word('referralSource', c.referralSource));
    labelled(doc, 'Operatore responsabile', c.responsibleOperator);
    if (c.summary) labelled(doc, 'Sintesi', c.summary);
    for (const p of c.periods) {
      const closing = p.closingReason ? ` (${word('caseClosingReason', p.closingReason)})` : '';
      line(doc, `Periodo: dal ${italianDate(p.openedOn)}${p.closedOn ? ` al ${italianDate(p.closedOn)}${closing}` : ', in corso'}`);
      if (p.closingNotes) line(doc, p.closingNotes, 14);
    }
    if (c.plan.length) {
      doc.moveDown(0.2).font('bold').text('Piano');
      for (const g of c.plan) {
        line(doc, `• ${g.goal} (${word('goalStatus', g.status)})`);
        if (g.description) line(doc, g.description, 14);
        for (const a of g.actions) {
          const due = a.dueOn ? `, entro il ${italianDate(a.dueOn)}` : '';
          const done = a.doneOn ? `, fatta il ${italianDate(a.doneOn)}` : '';
          line(doc, `– ${a.description} (${word('actionStatus', a.status)}${due}${done})`, 14);
        }
      }
    }
    doc.moveDown(0.2).font('bold').text('Diario');
    if (c.notes.length === 0) muted(doc, 'Nessuna nota.');
    for (const n of c.notes) {
      const restricted = n.restriction ? ` · ${word('noteRestriction', n.restriction)}` : '';
      doc.font('bold').text(`${italianDate(n.date)}${restricted}`);
      line(doc, n.body, 14);
    }
    if (c.withheldNotes > 0) {
      muted(
        doc,
        `${c.withheldNotes === 1 ? '1 nota riservata non inclusa' : `${c.withheldNotes} note riservate non incluse`} (vedi l'ultima pagina).`,
      );
    }
    if (c.referrals.length) {
      doc.moveDown(0.2).font('bold').text('Invii');
      for (const r of c.referrals) {
        const detail = r.serviceDetail ? ` (${r.serviceDetail})` : '';
        line(
          doc,
          `${italianDate(r.referredOn)} · ${word('referralDirection', r.direction)}: ${word('referralService', r.service)}${detail} · ${word('referralStatus', r.status)}`,
        );
        line(doc, r.reason, 14);
        if (r.notes) line(doc, r.notes, 14);
      }
    }
  }
}

function household(doc: Doc, data: SubjectExport) {
  section(doc, 'Nucleo familiare');
  const h = data.household;
  if (h.current) {
    labelled(doc, 'Nucleo attuale', h.current.name);
    labelled(doc, 'Relazione', word('householdRelation', h.current.relation));
    labelled(doc, 'Dal', italianDate(h.current.joinedOn));
    const others = h.current.otherMembers.map((m) => word('householdRelation', m.relation));
    labelled(doc, 'Altri componenti (solo la relazione)', others.length ? others.join(', ') : 'nessuno');
  }
  subheading(doc, 'Appartenenze ai nuclei');
  if (none(doc, h.memberships, 'Nessun nucleo registrato.')) return;
  for (const m of h.memberships) {
    line(
      doc,
      `${m.household}: ${word('householdRelation', m.relation)}, dal ${italianDate(m.joinedOn)}${m.leftOn ? ` al ${italianDate(m.leftOn)}` : ''}`,
    );
  }
}

function documents(doc: Doc, data: SubjectExport) {
  section(doc, 'Documenti');
  const { residencePermits, identityDocuments } = data.documents;
  subheading(doc, 'Permessi di soggiorno');
  if (!none(doc, residencePermits)) {
    for (const p of residencePermits) {
      line(
        doc,
        `${word('permitType', p.permitType)}${p.number ? ` n. ${p.number}` : ''} · rilasciato il ${italianDate(p.issuedOn)} · scadenza ${italianDate(p.expiresOn)} · rinnovo: ${word('renewalStatus', p.renewalStatus)}`,
      );
      if (p.notes) line(doc, p.notes, 14);
    }
  }
  subheading(doc, 'Documenti di identità');
  if (!none(doc, identityDocuments)) {
    for (const d of identityDocuments) {
      line(
        doc,
        `${word('identityDocumentKind', d.kind)}${d.number ? ` n. ${d.number}` : ''} · ${country(d.issuingCountry)} · rilasciato il ${italianDate(d.issuedOn)} · scadenza ${italianDate(d.expiresOn)}`,
      );
    }
  }
}

function courses(doc: Doc, data: SubjectExport) {
  section(doc, 'Corsi');
  const { enrolments, waitingList } = data.courses;
  if (enrolments.length === 0 && waitingList.length === 0) return muted(doc, 'Nessun dato.');
  for (const e of enrolments) {
    line(
      doc,
      `${e.course} (${e.kind.label}${e.level ? `, ${e.level}` : ''}), dal ${italianDate(e.startDate)} al ${italianDate(e.endDate)}: iscrizione del ${italianDate(e.enrolledOn)}${e.withdrawnOn ? `, ritiro il ${italianDate(e.withdrawnOn)}` : ''} · presenze ${e.lessonsAttended} su ${e.lessonsHeld} lezioni${e.completed ? ' · completato' : ''}`,
    );
  }
  for (const w of waitingList) {
    line(
      doc,
      `Lista d'attesa: ${word('waitingListKind', w.kind)}, richiesta del ${italianDate(w.requestedOn)} · ${word('waitingListStatus', w.status)}${w.closedOn ? ` il ${italianDate(w.closedOn)}` : ''}`,
    );
    if (w.notes) line(doc, w.notes, 14);
  }
}

function activities(doc: Doc, data: SubjectExport) {
  const { applications, legalConsultations, pcStationUses } = data.activities;
  section(doc, 'Attività');
  subheading(doc, 'Pratiche');
  if (!none(doc, applications)) {
    for (const a of applications) {
      line(doc, `${italianDate(a.date)} · ${a.type.label} · ${word('applicationOutcome', a.outcome)}`);
      if (a.notes) line(doc, a.notes, 14);
    }
  }
  subheading(doc, 'Consulenze legali');
  if (!none(doc, legalConsultations)) {
    for (const c of legalConsultations) {
      line(doc, `${italianDate(c.date)} · ${c.minutes} minuti${c.lawyer ? ` · ${c.lawyer}` : ''}`);
      if (c.questions) line(doc, `Quesiti: ${c.questions}`, 14);
      if (c.guidance) line(doc, `Indicazioni: ${c.guidance}`, 14);
      if (c.textWithheld) muted(doc, 'Testo non incluso: la consulenza riguardava anche altre persone.');
    }
  }
  subheading(doc, 'Postazione PC');
  if (!none(doc, pcStationUses)) {
    for (const u of pcStationUses) line(doc, `${italianDate(u.date)} · ${word('pcPurpose', u.purpose)} · ${u.minutes} minuti`);
  }
}

function events(doc: Doc, data: SubjectExport) {
  section(doc, 'Eventi');
  if (none(doc, data.events)) return;
  for (const e of data.events) line(doc, `${italianDate(e.date)} · ${e.title}${e.place ? ` · ${e.place}` : ''}`);
}

function privacy(doc: Doc, data: SubjectExport) {
  section(doc, 'Informative sulla privacy');
  if (!none(doc, data.privacyNotices, 'Nessuna informativa registrata.')) {
    for (const n of data.privacyNotices) line(doc, `${italianDate(n.givenOn)} · versione ${n.version} · in ${language(n.language)}`);
  }
  if (data.erasureRequests.length === 0) return;
  subheading(doc, 'Richieste di cancellazione');
  for (const r of data.erasureRequests) {
    line(doc, `${italianDate(r.requestedOn)} · ${r.outcome === 'refused' ? 'respinta' : 'accolta'}: ${r.reason}`);
    if (r.refusalReason) line(doc, `Motivo del rifiuto: ${r.refusalReason}`, 14);
  }
}

function recipients(doc: Doc, data: SubjectExport) {
  section(doc, 'Destinatari dei dati');
  line(doc, `Titolare: ${data.controller.organisation}, ${data.controller.centre}.`);
  doc.moveDown(0.3);
  line(doc, 'Chi ha consultato la scheda, per ruolo (il registro delle consultazioni resta presso il centro):');
  if (!none(doc, data.recipients.readers, 'Nessuna consultazione registrata.')) {
    for (const r of data.recipients.readers) {
      line(
        doc,
        `• ${word('role', r.role)}: ${r.reads} ${r.reads === 1 ? 'consultazione' : 'consultazioni'}, l'ultima il ${italianDate(r.lastReadOn)}`,
        8,
      );
    }
  }
  doc.moveDown(0.3);
  const services = data.recipients.servicesReferredTo;
  line(
    doc,
    services.length
      ? `Servizi esterni a cui la persona è stata inviata: ${services.map((s) => word('referralService', s)).join(', ')}.`
      : 'Nessun invio a servizi esterni.',
  );
}

function rules(doc: Doc, data: SubjectExport) {
  doc.addPage();
  pdfTitle(doc, 'Che cosa contiene questa copia', 16);
  line(
    doc,
    'Questa copia riporta i dati che il centro conserva sulla persona in Approdo (artt. 15 e 20 del Regolamento UE 2016/679). La stessa copia è disponibile in formato JSON, leggibile da un programma.',
  );
  doc.moveDown(0.5);
  line(doc, data.restrictedNotesRule);
  const withheld = data.cases.reduce((sum, c) => sum + c.withheldNotes, 0);
  doc.moveDown(0.5);
  line(
    doc,
    withheld > 0
      ? `Note riservate non incluse: ${withheld}. Per una copia completa la persona può rivolgersi al coordinatore del centro.`
      : 'Nessuna nota riservata è stata esclusa.',
  );
}

export async function subjectExportPdf(data: SubjectExport): Promise<Buffer> {
  const name = `${data.person.givenNames} ${data.person.familyNames}`;
  const doc = createPdf({
    title: `Dati personali di ${name}`,
    header: { centreName: data.controller.centre, organisationName: data.controller.organisation },
  });
  pdfTitle(doc, `Dati personali di ${name}`);
  muted(doc, `Copia generata il ${italianDate(romeDateOf(new Date(data.generatedAt)))} (artt. 15 e 20 GDPR)`);
  identity(doc, data);
  visits(doc, data);
  cases(doc, data);
  household(doc, data);
  documents(doc, data);
  courses(doc, data);
  activities(doc, data);
  events(doc, data);
  privacy(doc, data);
  recipients(doc, data);
  rules(doc, data);
  return pdfBytes(doc);
}

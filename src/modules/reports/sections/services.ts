/**
 * Section 9, "Postazione PC, consulenza legale, progetti ed eventi": the public PC station's
 * uses by purpose, the lawyer's consultations (dates and how many cases, never whose), the
 * projects running in the year with the hours they added, and the events with their
 * participants counted (never named). Dates carry their computed weekday.
 */
import type { LegalConsultationListItem, LegalSummary, PcStationSummary } from '../../../contracts/activities.js';
import type { Project } from '../../../contracts/calendar.js';
import { PC_PURPOSE_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { PC_PURPOSES } from '../../../domain/activities.js';
import { italianLongDate } from '../../../domain/events.js';
import { counted, italianList, italianNumber, monthName, shortDate } from '../../../domain/report/italian.js';
import { listConsultations, summariseConsultations } from '../../activities/legal.repository.js';
import { summarisePcUses } from '../../activities/pc-station.repository.js';
import { projectsOfYear } from '../../calendar/report.js';
import { type EventsOfYear, eventsOfYear } from '../../events/events.report.js';
import type { SectionBuilder } from '../context.js';
import {
  assertReconciles,
  figuresBlock,
  hoursOfMinutes,
  measureColumn,
  numberColumn,
  textBlock,
  textColumn,
  totalRow,
} from './activity-blocks.js';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Mercoledì 20 dicembre 2023". */
export const longDate = (isoDate: string) => capitalised(italianLongDate(isoDate));
/** "giugno 2023". */
const monthYear = (isoDate: string) => `${monthName(Number(isoDate.slice(5, 7)))} ${isoDate.slice(0, 4)}`;

// --- PC station

export function pcTable(pc: PcStationSummary): ReportTable {
  const columns = [textColumn('purpose', 'Uso'), numberColumn('uses', 'Utilizzi'), measureColumn('hours', 'Ore')];
  const rows: ReportRow[] = PC_PURPOSES.filter((p) => pc.byPurpose[p].uses > 0).map((p) => ({
    key: p,
    cells: { purpose: PC_PURPOSE_LABELS.it[p], uses: pc.byPurpose[p].uses, hours: hoursOfMinutes(pc.byPurpose[p].minutes) },
  }));
  const total = totalRow(columns, rows);
  // The total of the minutes, not of the rounded hours.
  total.cells.hours = hoursOfMinutes(pc.minutes);
  if (total.cells.uses !== pc.uses) throw new Error(`services.pc: the purposes add up to ${String(total.cells.uses)} uses, not ${pc.uses}`);
  return {
    kind: 'table',
    id: 'services.pc',
    title: 'Postazione PC: utilizzi per uso',
    columns,
    rows: [...rows, total],
    protect: true,
    chart: { type: 'bar', categoryColumn: 'purpose', seriesColumns: ['uses'] },
  };
}

export function pcDraft(pc: PcStationSummary, year: number): string {
  const use =
    pc.uses === 0
      ? `Nel ${year} non sono stati registrati utilizzi della postazione.`
      : `Nel ${year} la postazione è stata utilizzata ${pc.uses === 1 ? 'una volta' : `${pc.uses} volte`} (${italianNumber(hoursOfMinutes(pc.minutes))} ore in tutto) da ${counted(pc.people, 'persona registrata', 'persone registrate')}.`;
  return [
    'Presso il Centro Integrazione è possibile usufruire di una postazione PC con connessione internet, stampante e scanner.',
    'La postazione è stata pensata per aiutare coloro che non possiedono un computer o non riescono in autonomia nella compilazione di bandi, domande o moduli online.',
    use,
  ].join('\n\n');
}

// --- legal consultations

export function legalTable(items: readonly LegalConsultationListItem[]): ReportTable {
  const columns = [textColumn('date', 'Data'), numberColumn('minutes', 'Durata (minuti)'), numberColumn('cases', 'Casi discussi')];
  const rows: ReportRow[] = [...items]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
    .map((c) => ({ key: String(c.id), cells: { date: longDate(c.date), minutes: c.minutes, cases: c.caseCount } }));
  return assertReconciles({
    kind: 'table',
    id: 'services.legal',
    title: 'Consulenza legale: incontri',
    columns,
    rows: [...rows, totalRow(columns, rows)],
    protect: true,
    notes: ['Un caso discusso in due incontri conta in ciascuno: i casi distinti sono indicati a parte.'],
  });
}

export function legalDraft(legal: LegalSummary, items: readonly LegalConsultationListItem[], year: number): string {
  const dates = [...items].map((c) => c.date).sort();
  const met =
    legal.consultations === 0
      ? `Nel ${year} non si sono svolti incontri con l'avvocato.`
      : `Nel ${year} si sono svolti ${legal.consultations === 1 ? '1 incontro' : `${legal.consultations} incontri`} con l'avvocato (${italianList(dates.map(italianLongDate))}), nei quali ${legal.casesDiscussed === 1 ? 'è stato discusso 1 caso' : `sono stati discussi ${legal.casesDiscussed} casi`}.`;
  return [
    "Il Centro Servizi per l'Integrazione Sociale si avvale della consulenza legale di un avvocato.",
    met,
    'Gli incontri hanno lo scopo di supportare le operatrici del centro nella gestione di casi complessi a livello legale, per poter fornire informazioni chiare ed esaustive.',
    "Non è prevista la presa in carico di casi da un punto di vista legale da parte dell'avvocato.",
  ].join('\n\n');
}

// --- projects

export function projectsTable(projects: readonly Project[]): ReportTable {
  return {
    kind: 'table',
    id: 'services.projects',
    title: 'Progetti svolti presso il Centro',
    columns: [
      textColumn('name', 'Progetto'),
      textColumn('funder', 'Ente'),
      textColumn('from', 'Dal'),
      textColumn('to', 'Al'),
      measureColumn('extraHours', 'Ore settimanali in più'),
    ],
    rows: projects.map((p) => ({
      key: String(p.id),
      cells: {
        name: p.name,
        funder: p.funder,
        from: shortDate(p.from),
        to: p.to ? shortDate(p.to) : null,
        extraHours: hoursOfMinutes(p.extraWeeklyMinutes),
      },
    })),
    protect: false,
  };
}

export function projectsDraft(projects: readonly Project[], year: number): string {
  if (projects.length === 0) return `Nel ${year} non si sono svolti progetti presso il Centro.`;
  return projects
    .map((p) => {
      const period = p.to ? `da ${monthYear(p.from)} a ${monthYear(p.to)}` : `da ${monthYear(p.from)}`;
      const hours = p.extraWeeklyMinutes > 0 ? `\n\n- ${italianNumber(hoursOfMinutes(p.extraWeeklyMinutes))} ore settimanali in più.` : '';
      return `${p.name} - ${period}${hours}${p.description ? `\n\n${p.description}` : ''}`;
    })
    .join('\n\n');
}

// --- events

export function eventsTable(events: EventsOfYear): ReportTable {
  const columns = [textColumn('date', 'Data'), textColumn('title', 'Evento'), numberColumn('participants', 'Partecipanti')];
  const rows: ReportRow[] = events.events.map((e) => ({
    key: String(e.id),
    cells: { date: longDate(e.date), title: e.title, participants: e.namedParticipants + e.otherParticipants },
  }));
  const table = assertReconciles({
    kind: 'table',
    id: 'services.events',
    title: 'Eventi e uscite',
    columns,
    rows: [...rows, totalRow(columns, rows)],
    protect: true,
    notes: ['Partecipanti: le persone del Centro e gli altri presenti; chi partecipa a due eventi conta in ciascuno.'],
  });
  const total = table.rows.at(-1)?.cells.participants;
  if (total !== events.totals.participants)
    throw new Error(`services.events: ${String(total)} participants, not ${events.totals.participants}`);
  return table;
}

export function eventsDraft(events: EventsOfYear, year: number): string {
  if (events.events.length === 0) return `Nel ${year} non sono stati organizzati eventi.`;
  return events.events
    .map((e) => {
      const n = e.namedParticipants + e.otherParticipants;
      const partner = e.partner ? ` in collaborazione con ${e.partner}` : '';
      return `${longDate(e.date)} si è svolto l'evento «${e.title}»${partner}${e.place ? ` presso ${e.place}` : ''}, con ${counted(n, 'partecipante', 'partecipanti')}.`;
    })
    .join('\n\n');
}

export const servicesSection: SectionBuilder = async (ctx) => {
  const period = { centreIds: ctx.centreIds, from: `${ctx.year}-01-01`, to: `${ctx.year}-12-31` };
  const pc = await summarisePcUses(ctx.db, period);
  const legal = await summariseConsultations(ctx.db, period);
  const consultations = (await listConsultations(ctx.db, period, 1, Math.max(1, legal.consultations))).items;
  const projects: Project[] = [];
  for (const centreId of ctx.centreIds) projects.push(...(await projectsOfYear(ctx.db, centreId, ctx.year)));
  projects.sort((a, b) => a.from.localeCompare(b.from) || a.id - b.id);
  const events = await eventsOfYear(ctx.db, ctx.centreIds, ctx.year);

  const blocks: ReportBlock[] = [
    textBlock('services.pcText', 'Postazione PC', pcDraft(pc, ctx.year)),
    figuresBlock('services.pcFigures', `Postazione PC ${ctx.year}`, true, [
      { key: 'uses', label: 'Utilizzi', value: pc.uses },
      { key: 'people', label: 'Persone registrate', value: pc.people },
    ]),
    pcTable(pc),
    textBlock('services.legalText', 'Consulenza legale', legalDraft(legal, consultations, ctx.year)),
    figuresBlock('services.legalFigures', `Consulenza legale ${ctx.year}`, true, [
      { key: 'consultations', label: "Incontri con l'avvocato", value: legal.consultations },
      { key: 'casesDiscussed', label: 'Casi distinti discussi', value: legal.casesDiscussed },
    ]),
    legalTable(consultations),
    textBlock('services.projectsText', 'Progetti svolti presso il Centro Integrazione', projectsDraft(projects, ctx.year)),
    projectsTable(projects),
    textBlock('services.eventsText', 'Eventi e uscite didattiche', eventsDraft(events, ctx.year)),
    eventsTable(events),
  ];
  return { id: 'services', title: 'Postazione PC, consulenza legale, progetti ed eventi', blocks };
};

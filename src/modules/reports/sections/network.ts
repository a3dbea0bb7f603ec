/**
 * Section 6, "Incontri di rete": the meetings of the year with other bodies (trade unions,
 * services…), listed with their date (and weekday), organisations and topic, and counted by
 * organisation. From networkMeetingsOfYear; no personal data.
 */
import type { NetworkOrganisationKind } from '../../../contracts/enums.js';
import type { ReportBlock, ReportTable } from '../../../contracts/reports.js';
import { italianLongDate } from '../../../domain/events.js';
import { italianList } from '../../../domain/report/italian.js';
import { type NetworkMeetingsOfYear, networkMeetingsOfYear } from '../../events/events.report.js';
import type { SectionBuilder } from '../context.js';
import { numberColumn, textBlock, textColumn } from './activity-blocks.js';

const KIND_PHRASES: Record<NetworkOrganisationKind, string> = {
  union: 'i sindacati del territorio',
  service: 'i servizi pubblici',
  school: 'le scuole',
  association: 'le associazioni',
  other: 'altri enti',
};
const KIND_ORDER: readonly NetworkOrganisationKind[] = ['union', 'service', 'school', 'association', 'other'];

/** "Nel 2024 sono stati organizzati 3 incontri di rete con i sindacati del territorio (ACLI, CGIL e CISL) e i servizi pubblici (ASP)." */
export function networkDraft(summary: NetworkMeetingsOfYear, year: number): string {
  if (summary.meetings === 0) return `Nel ${year} non sono stati registrati incontri di rete.`;
  const met = summary.byOrganisation.filter((o) => o.meetings > 0);
  const groups = KIND_ORDER.map((kind) => ({ kind, names: met.filter((o) => o.kind === kind).map((o) => o.name) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `${KIND_PHRASES[g.kind]} (${g.names.join(', ')})`);
  const verb = summary.meetings === 1 ? 'è stato organizzato 1 incontro' : `sono stati organizzati ${summary.meetings} incontri`;
  return `Nel ${year} ${verb} di rete con ${italianList(groups)} allo scopo di condividere informazioni e procedure per poter lavorare in rete e in maniera più agevole.`;
}

export function meetingsTable(summary: NetworkMeetingsOfYear): ReportTable {
  return {
    kind: 'table',
    id: 'network.meetings',
    title: 'Incontri di rete',
    columns: [textColumn('date', 'Data'), textColumn('organisations', 'Organizzazioni'), textColumn('topic', 'Argomento')],
    rows: summary.list.map((m) => ({
      key: String(m.id),
      cells: { date: italianLongDate(m.date), organisations: m.organisations.map((o) => o.name).join(', '), topic: m.topic },
    })),
    protect: false,
    notes: [`Incontri nell'anno: ${summary.meetings}.`],
  };
}

export function byOrganisationTable(summary: NetworkMeetingsOfYear): ReportTable {
  return {
    kind: 'table',
    id: 'network.byOrganisation',
    title: 'Incontri per organizzazione',
    columns: [textColumn('organisation', 'Organizzazione'), numberColumn('meetings', 'Incontri')],
    rows: summary.byOrganisation
      .filter((o) => o.meetings > 0)
      .sort((a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name, 'it'))
      .map((o) => ({ key: o.code, cells: { organisation: o.name, meetings: o.meetings } })),
    protect: false,
    chart: { type: 'bar', categoryColumn: 'organisation', seriesColumns: ['meetings'] },
    notes: ['Un incontro con più organizzazioni conta sotto ciascuna: i numeri non si sommano al totale degli incontri.'],
  };
}

export const networkSection: SectionBuilder = async (ctx) => {
  const summary = await networkMeetingsOfYear(ctx.db, ctx.centreIds, ctx.year);
  const blocks: ReportBlock[] = [
    textBlock('network.text', 'Incontri di rete', networkDraft(summary, ctx.year)),
    meetingsTable(summary),
    byOrganisationTable(summary),
  ];
  return { id: 'network', title: 'Incontri di rete', blocks };
};

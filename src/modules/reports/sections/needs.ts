/**
 * Section 10, "Bisogni rilevati sul territorio": the unmet demand the centre sees, measured by
 * its waiting lists (adults' and minors' Italian L2, driving support…): the requests of the year
 * by what became of them, and those still waiting at the year's end. From waitingListCounts.
 */
import type { WaitingSummary } from '../../../contracts/courses.js';
import { WAITING_LIST_KINDS } from '../../../contracts/enums.js';
import { WAITING_LIST_KIND_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { counted } from '../../../domain/report/italian.js';
import { waitingListCounts } from '../../courses/waiting-list.usecases.js';
import { assertReconciles, numberColumn, textBlock, textColumn, totalRow } from '../blocks.js';
import type { SectionBuilder } from '../context.js';

/** What each kind of request says in the draft, as the reference report's headings. */
const NEED_HEADINGS: Record<(typeof WAITING_LIST_KINDS)[number], string> = {
  adult_l2: 'Corsi di italiano L2 per adulti',
  minor_l2: 'Corsi di italiano L2 per minorenni',
  driving: "Supporto alla preparazione dell'esame di scuola guida",
  other: 'Altre richieste',
};

const shown = (summary: WaitingSummary) =>
  WAITING_LIST_KINDS.filter((k) => summary.byKind[k].requested > 0 || summary.byKind[k].waitingAtEnd > 0);

export function waitingTable(summary: WaitingSummary, year: number): ReportTable {
  const columns = [
    textColumn('kind', 'Richiesta'),
    numberColumn('requested', `Richieste nel ${year}`),
    numberColumn('placed', 'Inserite in un corso'),
    numberColumn('withdrawn', 'Ritirate'),
    numberColumn('waiting', 'Ancora in attesa'),
    numberColumn('waitingAtEnd', `In attesa al 31/12/${year}`),
  ];
  const rows: ReportRow[] = shown(summary).map((kind) => {
    const c = summary.byKind[kind];
    return {
      key: kind,
      cells: {
        kind: WAITING_LIST_KIND_LABELS.it[kind],
        requested: c.requested,
        placed: c.placed,
        withdrawn: c.withdrawn,
        waiting: c.waiting,
        waitingAtEnd: c.waitingAtEnd,
      },
    };
  });
  const total = totalRow(columns, rows);
  for (const key of ['requested', 'placed', 'withdrawn', 'waiting', 'waitingAtEnd'] as const) {
    if (total.cells[key] !== summary.total[key])
      throw new Error(`needs.waiting: ${key} adds up to ${String(total.cells[key])}, not ${summary.total[key]}`);
  }
  return assertReconciles({
    kind: 'table',
    id: 'needs.waiting',
    title: "Liste d'attesa e richieste non soddisfatte",
    columns,
    rows: [...rows, total],
    protect: true,
    chart: { type: 'bar', categoryColumn: 'kind', seriesColumns: ['requested', 'waitingAtEnd'] },
    notes: [
      `Richieste nel ${year}: secondo il loro esito ad oggi (inserite, ritirate, ancora in attesa). In attesa al 31/12: tutte le richieste ancora aperte a fine anno, anche degli anni precedenti.`,
    ],
  });
}

export function needsDraft(summary: WaitingSummary, year: number): string {
  const kinds = shown(summary);
  if (kinds.length === 0) return `Nel ${year} non sono state registrate richieste in lista d'attesa.`;
  const needs = kinds.map((kind) => {
    const c = summary.byKind[kind];
    const placed = c.placed > 0 ? `, ${c.placed === 1 ? '1 inserita' : `${c.placed} inserite`} in un corso` : '';
    return `► ${NEED_HEADINGS[kind]}\n\nNel ${year} ${c.requested === 1 ? 'è arrivata 1 richiesta' : `sono arrivate ${c.requested} richieste`}${placed}; al 31 dicembre ${counted(c.waitingAtEnd, 'persona era', 'persone erano')} ancora in attesa di un posto.`;
  });
  return [
    `Nel suo ruolo di osservatorio di primo livello dei bisogni del territorio il Centro Integrazione ha evidenziato ${kinds.length === 1 ? 'una necessità' : `${kinds.length} necessità`}:`,
    ...needs,
  ].join('\n\n');
}

export const needsSection: SectionBuilder = async (ctx) => {
  const summary = await waitingListCounts(ctx.db, ctx.centreIds, `${ctx.year}-01-01`, `${ctx.year}-12-31`);
  const blocks: ReportBlock[] = [
    textBlock('needs.text', 'Bisogni rilevati sul territorio', needsDraft(summary, ctx.year)),
    waitingTable(summary, ctx.year),
  ];
  return { id: 'needs', title: 'Bisogni rilevati sul territorio', blocks };
};

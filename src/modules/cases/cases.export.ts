/** The cases list as a table to take away: the columns of the Prese in carico page. */
import type { CaseListItem, CaseListQuery } from '../../contracts/cases.js';
import { labelOf } from '../../contracts/labels.js';
import { dateColumn, labelColumn, personName } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import type { Actor } from '../auth/actor.js';
import { type ExportFilters, exportInPages } from '../http/list-export.js';
import type { Db } from './case-access.js';
import { caseFilterFor } from './cases.usecases.js';
import { listCases } from './whole-case.repository.js';

const ERASED = 'Scheda eliminata';

const CASE_COLUMNS: TableColumn<CaseListItem>[] = [
  // As the page names a case: the person, or the household (with its members), or an erased file.
  {
    header: 'Persona o nucleo',
    width: 30,
    value: (c) => (c.household && !c.person ? `Nucleo ${c.household.name}` : personName(c.person, ERASED)),
  },
  { header: 'Componenti', width: 40, value: (c) => (c.household ? c.members.map((m) => personName(m.person, ERASED)).join(', ') : '') },
  labelColumn('Stato', 'caseStatus', (c) => c.status),
  dateColumn('Aperta il', (c) => c.openedOn),
  dateColumn('Chiusa il', (c) => c.closedOn),
  { header: 'Responsabile', value: (c) => c.responsible?.displayName },
  { header: 'Aree', width: 40, value: (c) => c.areas.map((a) => labelOf('it', 'caseArea', a)).join(', ') },
  labelColumn('Inviato da', 'referralSource', (c) => c.referralSource),
];

/** The cases the list shows for these filters, newest first. */
export function casesExport(db: Db, actor: Actor, query: ExportFilters<CaseListQuery>) {
  return exportInPages(CASE_COLUMNS, caseFilterFor(actor, query), (filter, page, pageSize) => listCases(db, filter, page, pageSize));
}

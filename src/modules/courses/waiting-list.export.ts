/** The waiting list as a table to take away: the columns of the Liste d'attesa page. */
import type { Kysely } from 'kysely';
import type { WaitingListEntry, WaitingListQuery } from '../../contracts/course-waiting-list.js';
import type { WaitingListPriority } from '../../contracts/enums.js';
import type { Database } from '../../db/schema.js';
import { todayInRome } from '../../domain/dates.js';
import { dateColumn, labelColumn, notesColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { type ExportFilters, exportInPages } from '../http/list-export.js';
import { listWaiting } from './waiting-list.repository.js';

const WAITING_COLUMNS: TableColumn<WaitingListEntry>[] = [
  personColumn((e) => e.person, 'Persona', 'Persona cancellata'),
  labelColumn('Tipo', 'waitingListKind', (e) => e.kind),
  dateColumn('Richiesta il', (e) => e.requestedOn),
  { header: 'Giorni di attesa', kind: 'number', width: 16, value: (e) => e.daysWaited },
  labelColumn('Priorità', 'waitingListPriority', (e) => e.priority as WaitingListPriority),
  labelColumn('Stato', 'waitingListStatus', (e) => e.status),
  dateColumn('Chiusa il', (e) => e.closedOn),
  { header: 'Corso', width: 30, value: (e) => e.enrolment?.courseTitle },
  notesColumn((e) => e.notes),
];

/** The entries the list shows for these filters, the most urgent and the longest waiting first. */
export function waitingListExport(db: Kysely<Database>, actor: Actor, query: ExportFilters<WaitingListQuery>, now = new Date()) {
  const { centreId, ...filter } = query;
  return exportInPages(WAITING_COLUMNS, { ...filter, centreIds: centreScope(actor, centreId) }, (inScope, page, pageSize) =>
    listWaiting(db, inScope, page, pageSize, todayInRome(now)),
  );
}

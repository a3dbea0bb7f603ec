/** The waiting list as a table to take away: the columns of the Liste d'attesa page. */
import type { Kysely } from 'kysely';
import type { WaitingListEntry, WaitingListQuery } from '../../contracts/course-waiting-list.js';
import type { WaitingListPriority } from '../../contracts/enums.js';
import type { Database } from '../../db/schema.js';
import { todayInRome } from '../../domain/dates.js';
import { dateColumn, labelColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { type ExportedRows, inPages } from '../http/list-export.js';
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
  { header: 'Note', width: 40, value: (e) => e.notes },
];

/** The entries the list shows for these filters, the most urgent and the longest waiting first. */
export async function waitingListExport(
  db: Kysely<Database>,
  actor: Actor,
  query: Omit<WaitingListQuery, 'page' | 'pageSize'>,
  now = new Date(),
): Promise<ExportedRows<WaitingListEntry>> {
  const { centreId, ...filter } = query;
  const centreIds = centreScope(actor, centreId);
  const rows = await inPages((page, pageSize) => listWaiting(db, { ...filter, centreIds }, page, pageSize, todayInRome(now)));
  return { ...rows, columns: WAITING_COLUMNS, centreIds };
}

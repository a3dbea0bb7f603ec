/**
 * The Scadenze as a table to take away: both lists of the page (expiring, soonest first, then
 * expired, the most recent first), whole (up to the most a list carries), read as the page reads
 * them (the names shown are logged as the page logs them).
 */
import type { Kysely } from 'kysely';
import { DEADLINE_LIST_LIMIT, type DeadlineItem, type DeadlinesQuery } from '../../contracts/documents.js';
import type { Database } from '../../db/schema.js';
import { dateColumn, labelColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { type ExportedRows, inOneBatch } from '../http/list-export.js';
import { deadlinesFor } from './permits.usecases.js';

type Deadline = DeadlineItem & { expired: boolean };

const DEADLINE_COLUMNS: TableColumn<Deadline>[] = [
  { header: 'Elenco', width: 12, value: (d) => (d.expired ? 'Scaduto' : 'In scadenza') },
  personColumn((d) => d.person),
  { header: 'Telefono', width: 16, value: (d) => d.phone },
  labelColumn('Tipo di permesso', 'permitType', (d) => d.permitType),
  { header: 'Numero', width: 16, value: (d) => d.number },
  dateColumn('Scade il', (d) => d.expiresOn),
  { header: 'Giorni alla scadenza', kind: 'number', width: 18, value: (d) => d.daysLeft },
  labelColumn('Rinnovo', 'renewalStatus', (d) => d.renewalStatus),
  dateColumn('Contattato il', (d) => d.contacted?.on),
  { header: 'Contattato da', value: (d) => d.contacted?.by?.displayName },
];

export async function deadlinesExport(
  db: Kysely<Database>,
  actor: Actor,
  query: Omit<DeadlinesQuery, 'limit'>,
  now = new Date(),
): Promise<ExportedRows<Deadline>> {
  const centreIds = centreScope(actor, query.centreId);
  const { expiring, expired } = await deadlinesFor(db, actor, { ...query, limit: DEADLINE_LIST_LIMIT }, now);
  const rows = [...expiring.map((d) => ({ ...d, expired: false })), ...expired.map((d) => ({ ...d, expired: true }))];
  return { ...inOneBatch(rows), columns: DEADLINE_COLUMNS, centreIds };
}

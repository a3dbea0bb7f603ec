import type { AuditAction, AuditEntry } from '../../contracts/audit.js';
import { labelsOf } from '../../contracts/labels.js';
import { romeDateOf, romeTimeOf } from '../../domain/dates.js';
import { CSV_BOM, csvRows } from '../../exports/csv.js';

const HEADERS = ['Data e ora', 'Utente', 'E-mail utente', 'Centro', 'Azione', 'Oggetto', 'Identificativo', 'Dettagli'];

const actionLabels: Record<string, string> = labelsOf('it', 'auditAction');

/** An instant as Rome's date and time to the second (Rome's offset is whole minutes: the seconds are UTC's). */
export function romeDateTime(at: string): string {
  const instant = new Date(at);
  return `${romeDateOf(instant)} ${romeTimeOf(instant)}:${String(instant.getUTCSeconds()).padStart(2, '0')}`;
}

/** The log's rows as CSV text with Italian headers, a batch at a time; cells formula-safe (csvRows). */
export async function* auditCsv(batches: AsyncIterable<AuditEntry[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRows([HEADERS]);
  for await (const batch of batches) {
    yield csvRows(
      batch.map((entry) => [
        romeDateTime(entry.at),
        entry.userName ?? (entry.userId === null ? 'Riga di comando' : ''),
        entry.userEmail ?? '',
        entry.centreName ?? '',
        actionLabels[entry.action as AuditAction] ?? entry.action,
        entry.entity,
        entry.entityId ?? '',
        entry.details ? JSON.stringify(entry.details) : '',
      ]),
    );
  }
}

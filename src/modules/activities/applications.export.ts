/** The applications list as a table to take away: the columns of the Domande page. */
import type { Kysely } from 'kysely';
import type { Application, ApplicationListQuery } from '../../contracts/activities.js';
import type { Database } from '../../db/schema.js';
import { dateColumn, labelColumn, notesColumn, operatorColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import type { Actor } from '../auth/actor.js';
import { type ExportFilters, exportInPages } from '../http/list-export.js';
import { listApplications } from './applications.repository.js';
import { applicationFilterFor } from './applications.usecases.js';

const APPLICATION_COLUMNS: TableColumn<Application>[] = [
  dateColumn('Data', (a) => a.date),
  personColumn((a) => a.person),
  { header: 'Tipo di domanda', width: 30, value: (a) => a.type.labelIt },
  labelColumn('Livello', 'applicationLevel', (a) => a.type.level),
  { header: 'Con l’Anagrafe', width: 14, value: (a) => (a.type.anagrafe ? 'Sì' : 'No') },
  labelColumn('Esito', 'applicationOutcome', (a) => a.outcome),
  operatorColumn((a) => a.operator),
  notesColumn((a) => a.notes),
];

/** The applications the list shows for these filters, newest first. */
export function applicationsExport(db: Kysely<Database>, actor: Actor, query: ExportFilters<ApplicationListQuery>) {
  return exportInPages(APPLICATION_COLUMNS, applicationFilterFor(actor, query), (filter, page, pageSize) =>
    listApplications(db, filter, page, pageSize),
  );
}

/** The visits list as a table to take away: the columns of the Accessi page, the topics in Italian. */
import type { Kysely } from 'kysely';
import type { Topic, Visit, VisitListQuery } from '../../contracts/visits.js';
import type { Database } from '../../db/schema.js';
import { countryColumn, dateColumn, labelColumn, notesColumn, operatorColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import type { Actor } from '../auth/actor.js';
import { TOPICS } from '../catalogues/catalogues.js';
import { listCatalogue } from '../catalogues/catalogues.repository.js';
import type { ExportedRows, ExportFilters } from '../http/list-export.js';
import { listVisits, streamVisits } from './visits.repository.js';
import { visitFilterFor } from './visits.usecases.js';

/** The columns of the visits' export, the topics named as the organisation named them. */
function visitColumns(topics: Topic[]): TableColumn<Visit>[] {
  const topicName = new Map(topics.map((t) => [t.id, t.labelIt]));
  return [
    dateColumn('Data', (v) => v.date),
    { header: 'Ora', width: 8, value: (v) => v.time },
    labelColumn('Canale', 'channel', (v) => v.channel),
    personColumn((v) => v.person, 'Persona', 'Anonimo'),
    labelColumn('Genere', 'gender', (v) => v.gender),
    countryColumn('Cittadinanza', (v) => v.citizenship),
    labelColumn('Provenienza', 'originGroup', (v) => v.originGroup),
    labelColumn("Fascia d'età", 'ageBand', (v) => v.ageBand),
    labelColumn('Inviato da', 'referralSource', (v) => v.referralSource),
    { header: 'Tipologie di richiesta', width: 40, value: (v) => v.topicIds.map((id) => topicName.get(id) ?? String(id)).join(', ') },
    operatorColumn((v) => v.operator),
    notesColumn((v) => v.notes),
  ];
}

/** The visits the list shows for these filters, oldest first, read after the last one (keyset): years of visits stream. */
export async function visitsExport(
  db: Kysely<Database>,
  actor: Actor,
  filters: ExportFilters<VisitListQuery>,
): Promise<ExportedRows<Visit>> {
  const filter = visitFilterFor(actor, filters);
  const topics = await listCatalogue(db, TOPICS, actor.organisationId);
  const { total } = await listVisits(db, filter, 1, 1);
  return { columns: visitColumns(topics), batches: streamVisits(db, filter), total, centreIds: filter.centreIds };
}

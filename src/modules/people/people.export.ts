/** The people list as a table to take away: the columns of the Persone page, for the same search. */
import type { Kysely } from 'kysely';
import type { PersonSummary } from '../../contracts/people.js';
import type { Database } from '../../db/schema.js';
import { countryColumn, dateColumn, labelColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { exportInPages } from '../http/list-export.js';
import { searchPeople } from './people-search.repository.js';

const PERSON_COLUMNS: TableColumn<PersonSummary>[] = [
  { header: 'Cognome', value: (p) => p.familyNames },
  { header: 'Nome', value: (p) => p.givenNames },
  dateColumn('Data di nascita', (p) => p.birthDate),
  labelColumn('Genere', 'gender', (p) => p.gender),
  countryColumn('Cittadinanza', (p) => p.citizenship),
  { header: 'Codice fiscale', width: 18, value: (p) => p.fiscalCode },
];

/** The people the list shows for these words (all of them without any), in the list's order. */
export function peopleExport(db: Kysely<Database>, actor: Actor, query: { q: string; centreId?: number }) {
  return exportInPages(PERSON_COLUMNS, { centreIds: centreScope(actor, query.centreId) }, ({ centreIds }, page, pageSize) =>
    searchPeople(db, centreIds, query.q, page, pageSize),
  );
}

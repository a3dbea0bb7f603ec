/**
 * The columns that many lists share, written the Italian way: a person by surname then name, a
 * value of a fixed list by its Italian word (contracts/labels.ts), a country by its Italian name,
 * a day as a date cell, who recorded the row, its notes.
 */
import { type LabelList, type LabelValue, labelOf } from '../contracts/labels.js';
import { findCountry } from '../reference/index.js';
import type { TableColumn } from './table.js';

type Named = { givenNames: string; familyNames: string };

/** "Cognome Nome", or `none` when the row names nobody. */
export function personName(person: Named | null | undefined, none = ''): string {
  return person ? `${person.familyNames} ${person.givenNames}` : none;
}

export function personColumn<Row>(get: (row: Row) => Named | null | undefined, header = 'Persona', none = ''): TableColumn<Row> {
  return { header, width: 30, value: (row) => personName(get(row), none) };
}

/** A value of one of the fixed lists, in Italian. */
export function labelColumn<Row, L extends LabelList>(
  header: string,
  list: L,
  get: (row: Row) => LabelValue<L> | null | undefined,
): TableColumn<Row> {
  return {
    header,
    value: (row) => {
      const value = get(row);
      return value === null || value === undefined ? '' : labelOf('it', list, value);
    },
  };
}

/** A country (ISO code) by its Italian name; an unknown code as it is. */
export function countryColumn<Row>(header: string, get: (row: Row) => string | null | undefined): TableColumn<Row> {
  return {
    header,
    value: (row) => {
      const code = get(row);
      return code ? (findCountry(code)?.it ?? code) : '';
    },
  };
}

export function dateColumn<Row>(header: string, get: (row: Row) => string | null | undefined): TableColumn<Row> {
  return { header, kind: 'date', value: get };
}

/** The operator who recorded the row, by the name shown in the app. */
export function operatorColumn<Row>(get: (row: Row) => { displayName: string } | null | undefined): TableColumn<Row> {
  return { header: 'Operatore', value: (row) => get(row)?.displayName };
}

/** The row's free notes, in a wide column. */
export function notesColumn<Row>(get: (row: Row) => string | null | undefined): TableColumn<Row> {
  return { header: 'Note', width: 40, value: get };
}

/**
 * The reads every list of a centre's records makes (a page of it, all of it, one record), said
 * once: each repository gives only its queries and how a row becomes an item.
 */
import type { Kysely } from 'kysely';
import { type ItemsPage, readCentresPage, type readPage } from './paging.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface CentreRecordsQueries<Filter extends { centreIds: number[] }, Row, Item> {
  /** The records the filter keeps, without columns: what a page counts. */
  matching: (db: Db, filter: Filter) => Parameters<typeof readPage>[1];
  /** The same records with their columns, in the list's order. */
  ordered: (db: Db, filter: Filter) => Parameters<typeof readPage<Row>>[0];
  /** One record with the same columns, if it is in these centres. */
  one: (db: Db, id: number, centreIds: number[]) => { executeTakeFirst(): Promise<Row | undefined> };
  toItem: (row: Row) => Item;
}

/** A centre's list read three ways; without any centre there is nothing to read. */
export function centreRecords<Filter extends { centreIds: number[] }, Row, Item>(queries: CentreRecordsQueries<Filter, Row, Item>) {
  const { matching, ordered, one, toItem } = queries;
  return {
    /** A page of the list, and how many records the whole list has. */
    page(db: Db, filter: Filter, page: number, pageSize: number): Promise<ItemsPage<Item>> {
      return readCentresPage(filter.centreIds, ordered(db, filter), matching(db, filter), page, pageSize, (rows) => rows.map(toItem));
    },
    /** Every record of the list, in one query: for lists of a few rows (a person's file, the annual report). */
    async all(db: Db, filter: Filter): Promise<Item[]> {
      if (filter.centreIds.length === 0) return [];
      const rows = await ordered(db, filter).execute();
      return rows.map(toItem);
    },
    /** One record, or undefined when it is not in these centres. */
    async find(db: Db, id: number, centreIds: number[]): Promise<Item | undefined> {
      if (centreIds.length === 0) return undefined;
      const row = await one(db, id, centreIds).executeTakeFirst();
      return row ? toItem(row) : undefined;
    },
  };
}

/**
 * centreRecords for a list read newest first: by its `date` column, then the later recorded
 * first (by id); one record is the list's select bounded by its id.
 */
export function newestFirstRecords<T extends keyof Database & string, Filter extends { centreIds: number[] }, Row, Item>(list: {
  table: T;
  date: keyof Database[T] & string;
  matching: CentreRecordsQueries<Filter, Row, Item>['matching'];
  /** The list's records with their columns, in no order. */
  selected: (db: Db, filter: Filter) => Parameters<typeof readPage<Row>>[0];
  toItem: (row: Row) => Item;
}) {
  const { table, date, selected, matching, toItem } = list;
  const dateColumn: string = `${table}.${date}`;
  const idColumn: string = `${table}.id`;
  return centreRecords({
    matching,
    ordered: (db, filter) => selected(db, filter).orderBy(dateColumn, 'desc').orderBy(idColumn, 'desc'),
    // A filter's fields other than the centres are optional: the centres alone bound one record.
    one: (db, id, centreIds) => selected(db, { centreIds } as Filter).where(idColumn, '=', id),
    toItem,
  });
}

/**
 * A list page with its exports: GET `<list>`, `<list>/export.csv` and `<list>/export.xlsx`,
 * declared once for every list by `route.exportedList`. Each list says its page's route as
 * `route.get` takes it, its use case, and its export: what it is, the file's name, the entity the
 * audit row names and how it reads the rows its page shows for the same filters (its own query
 * without paging, its own columns, exports/table.ts). This file declares the three routes, logs
 * the export (action 'export', the entity, the filters and the number of rows) before anything is
 * sent, and streams the file, a batch of rows at a time.
 *
 *   route.exportedList('/visits', {
 *     permission: 'personal.read',
 *     summary: 'Visits (accessi), newest first, filtered',
 *     querystring: visitListQuery,
 *     response: pageOf(visitSchema),
 *     list: listVisitsFor,
 *     export: { what: 'The filtered visits', file: 'accessi', entity: 'visit', rows: visitsExport },
 *   });
 *
 * A list is filtered by its query, or is a record's part (`/courses/:id/enrolments`, `params:
 * idParams`): the use cases take the database, the caller and the query (without paging for
 * the export) or the record's id.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { todayInRome } from '../../domain/dates.js';
import type { Permission } from '../../domain/permissions.js';
import { type TableColumn, tableCsv, tableXlsx, XLSX_TYPE } from '../../exports/table.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { sendDownload } from './download.js';
import type { Declare, idParams } from './route.js';

type Db = Kysely<Database>;

/** A list's query without its paging (a page, its size, a first screenful's limit): what the export filters by. */
type Unpaged<Q extends z.ZodObject> = z.ZodObject<Omit<Q['shape'], 'page' | 'pageSize' | 'limit'>, z.core.$strict>;

/** The list's query as the export takes it: the same fields and checks (a period in order), no paging. */
export function withoutPaging<Q extends z.ZodObject>(query: Q): Unpaged<Q> {
  const { page: _page, pageSize: _pageSize, limit: _limit, ...shape } = query.shape;
  const checks = (query._zod.def.checks ?? []) as z.core.$ZodCheck<Record<string, unknown>>[];
  return z.strictObject(shape).check(...checks) as unknown as Unpaged<Q>;
}

/** What an export holds: its columns, the rows in batches, how many there are and in which centres. */
export interface ExportedRows<Row> {
  columns: readonly TableColumn<Row>[];
  batches: AsyncIterable<Row[]>;
  total: number;
  /** The centres read: the audit row names the centre when there is one. */
  centreIds: readonly number[];
}

/**
 * A list's rows read as its page reads them, a page of `pageSize` after another: the first page
 * says how many there are in all.
 */
export async function inPages<Row>(
  list: (page: number, pageSize: number) => Promise<{ items: Row[]; total: number }>,
  pageSize = 500,
): Promise<{ batches: AsyncIterable<Row[]>; total: number }> {
  const first = await list(1, pageSize);
  async function* batches() {
    yield first.items;
    for (let page = 2; (page - 1) * pageSize < first.total; page++) {
      const { items } = await list(page, pageSize);
      if (items.length === 0) return;
      yield items;
    }
  }
  return { batches: batches(), total: first.total };
}

/** A list's query as its export reads it: without the paging. */
export type ExportFilters<Query> = Omit<Query, 'page' | 'pageSize'>;

/** A filtered list's export: its rows read as its page reads them (`inPages`), in the filter's centres. */
export async function exportInPages<Filter extends { centreIds: number[] }, Row>(
  columns: readonly TableColumn<Row>[],
  filter: Filter,
  list: (filter: Filter, page: number, pageSize: number) => Promise<{ items: Row[]; total: number }>,
): Promise<ExportedRows<Row>> {
  const rows = await inPages((page, pageSize) => list(filter, page, pageSize));
  return { ...rows, columns, centreIds: filter.centreIds };
}

/** A short list read whole (a course's learners): one batch. */
export function inOneBatch<Row>(rows: Row[]): { batches: AsyncIterable<Row[]>; total: number } {
  async function* batches() {
    yield rows;
  }
  return { batches: batches(), total: rows.length };
}

/** What a list's use cases read: its query (the export's without paging), or the record's id. */
type ListInput<Q> = Q extends z.ZodObject ? z.output<Q> : number;
type ExportInput<Q> = Q extends z.ZodObject ? z.output<Unpaged<Q>> : number;

export interface ExportedListSpec<Q extends z.ZodObject | undefined, R extends z.ZodType, Row> {
  permission: Permission;
  summary: string;
  /** A record's part: the use cases take the record's id. */
  params?: typeof idParams;
  /** A filtered list: the use cases take the query, the export its filters without paging. */
  querystring?: Q;
  response: R;
  /** The page's use case. */
  list(db: Db, actor: Actor, input: ListInput<Q>): Promise<z.input<R>>;
  export: {
    /** What is exported, for OpenAPI: "the filtered visits". */
    what: string;
    /** The file's name before the day (`accessi` → accessi-2026-03-04.xlsx). */
    file: string;
    /** The sheet's name, when not the file's words (`prese-in-carico` → Prese in carico). */
    sheet?: string;
    /** The entity the audit row names. */
    entity: string;
    /** The rows the page shows for the same filters, all of them. */
    rows(db: Db, actor: Actor, input: ExportInput<Q>): Promise<ExportedRows<Row>>;
  };
}

export type ExportedListDeclarer = <Q extends z.ZodObject | undefined = undefined, R extends z.ZodType = z.ZodType, Row = unknown>(
  list: string,
  spec: ExportedListSpec<Q, R, Row>,
) => void;

const FORMATS = [
  { extension: 'csv', type: 'text/csv; charset=utf-8', name: 'CSV (semicolon-separated, formula-safe)' },
  { extension: 'xlsx', type: XLSX_TYPE, name: 'XLSX (header row frozen, formula-safe)' },
] as const;

/** `route.exportedList`: declares GET `list` and its `<list>/export.csv` and `<list>/export.xlsx` with `get`. */
export function exportedListDeclarer(get: Declare, db: Db): ExportedListDeclarer {
  return (list, spec) => {
    const { permission, params, querystring, export: exported } = spec;
    // What the use cases take: the query when the list has one, else the record's id.
    const inputOf = (input: { params: unknown; query: unknown }) =>
      (querystring ? input.query : (input.params as { id: number }).id) as ListInput<never> & ExportInput<never>;
    get(list, {
      permission,
      summary: spec.summary,
      params,
      querystring,
      response: spec.response as z.ZodType,
      handle: (actor, input) => spec.list(db, actor, inputOf(input)),
    });
    const filters = querystring && withoutPaging(querystring);
    const sheet = exported.sheet ?? capitalised(exported.file.replaceAll('-', ' '));
    for (const format of FORMATS) {
      get(`${list}/export.${format.extension}`, {
        permission,
        summary: `${exported.what} as ${format.name}, with the list's filters; the export is logged`,
        params,
        querystring: filters,
        produces: [format.type.split(';')[0] as string],
        // A stream is piped as it is; the schema's string documents the body for OpenAPI.
        response: z.string(),
        handle: async (actor, input, _request, reply) => {
          const rows = await exported.rows(db, actor, inputOf(input));
          await recordAudit(db, {
            userId: actor.userId,
            centreId: rows.centreIds.length === 1 ? (rows.centreIds[0] ?? null) : null,
            action: 'export',
            entity: exported.entity,
            details: { filters: { ...(input.params as object), ...(input.query as object) }, rows: rows.total, format: format.extension },
          });
          const fileName = `${exported.file}-${todayInRome()}.${format.extension}`;
          const body = format.extension === 'csv' ? tableCsv(rows.columns, rows.batches) : tableXlsx(rows.columns, rows.batches, sheet);
          return sendDownload(reply, fileName, format.type, body instanceof Readable ? body : Readable.from(body));
        },
      });
    }
  };
}

function capitalised(words: string) {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The exports of a list page: `<list>/export.csv` and `<list>/export.xlsx`, declared once for
 * every list. Each list says its columns (exports/table.ts) and how it reads the rows its page
 * shows for the same filters (its own query without paging, its own repository); this helper
 * declares the two routes, logs the export (action 'export', the entity, the filters and the
 * number of rows) before anything is sent, and streams the file, a batch of rows at a time.
 *
 *   declareListExport(route, app.db, {
 *     list: '/visits', query: visitListQuery, permission: 'personal.read',
 *     file: 'accessi', sheet: 'Accessi', entity: 'visit',
 *     read: (actor, { query }) => visitsExport(app.db, actor, query),
 *   });
 *
 * A list page's own route and its exports are declared together by `declareExportedList`: the
 * path, the permission, the params and the query are said once for the three.
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
import { type RouteSpec, type routeDeclarer, sendDownload } from './route.js';

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

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : Record<string, never>;
type Filters<Q> = Q extends z.ZodObject ? z.output<Unpaged<Q>> : Record<string, never>;

export interface ListExport<P extends Schema | undefined, Q extends z.ZodObject | undefined, Row> {
  /** The list's path (`/visits`, `/courses/:id/enrolments`): the exports are under it. */
  list: string;
  params?: P;
  /** The list's own query: the export takes its filters, without paging. */
  query?: Q;
  permission: Permission;
  /** What is exported, for OpenAPI: "the filtered visits". */
  what: string;
  /** The file's name before the day (`accessi` → accessi-2026-03-04.xlsx) and the sheet's. */
  file: string;
  sheet: string;
  /** The entity the audit row names. */
  entity: string;
  read(actor: Actor, input: { params: Parsed<P>; query: Filters<Q> }): Promise<ExportedRows<Row>>;
}

/** Declares `<list>/export.csv` and `<list>/export.xlsx` (see the top of this file). */
export function declareListExport<P extends Schema | undefined, Q extends z.ZodObject | undefined, Row>(
  route: ReturnType<typeof routeDeclarer>,
  db: Db,
  spec: ListExport<P, Q, Row>,
) {
  const querystring = spec.query ? withoutPaging(spec.query) : undefined;
  const formats = [
    { extension: 'csv', type: 'text/csv; charset=utf-8', name: 'CSV (semicolon-separated, formula-safe)' },
    { extension: 'xlsx', type: XLSX_TYPE, name: 'XLSX (header row frozen, formula-safe)' },
  ] as const;
  for (const format of formats) {
    route.get(`${spec.list}/export.${format.extension}`, {
      permission: spec.permission,
      summary: `${spec.what} as ${format.name}, with the list's filters; the export is logged`,
      ...(spec.params && { params: spec.params }),
      ...(querystring && { querystring }),
      produces: [format.type.split(';')[0] as string],
      // A stream is piped as it is; the schema's string documents the body for OpenAPI.
      response: z.string(),
      handle: async (actor, input, _request, reply) => {
        const params = (input.params ?? {}) as Parsed<P>;
        const query = (input.query ?? {}) as Filters<Q>;
        const rows = await spec.read(actor, { params, query });
        await recordAudit(db, {
          userId: actor.userId,
          centreId: rows.centreIds.length === 1 ? (rows.centreIds[0] ?? null) : null,
          action: 'export',
          entity: spec.entity,
          details: { filters: { ...(params as object), ...(query as object) }, rows: rows.total, format: format.extension },
        });
        const fileName = `${spec.file}-${todayInRome()}.${format.extension}`;
        const body = format.extension === 'csv' ? tableCsv(rows.columns, rows.batches) : tableXlsx(rows.columns, rows.batches, spec.sheet);
        return sendDownload(reply, fileName, format.type, body instanceof Readable ? body : Readable.from(body));
      },
    });
  }
}

/** A list page's route with its exports (`declareExportedList`): the route as `route.get` takes it, its query named as the export's. */
export interface ExportedList<P extends Schema | undefined, Q extends z.ZodObject | undefined, R extends Schema, Row>
  extends Pick<RouteSpec<Permission, P, Q, undefined, R>, 'permission' | 'summary' | 'params' | 'response' | 'handle'> {
  list: string;
  query?: Q;
  /** What the exports say of their own: the rest is the list's. */
  export: Omit<ListExport<P, Q, Row>, 'list' | 'params' | 'query' | 'permission'>;
}

/** Declares a list page's route (GET `list`) and its `<list>/export.csv` and `<list>/export.xlsx`. */
export function declareExportedList<P extends Schema | undefined, Q extends z.ZodObject | undefined, R extends Schema, Row>(
  route: ReturnType<typeof routeDeclarer>,
  db: Db,
  spec: ExportedList<P, Q, R, Row>,
) {
  const { list, params, query, permission, export: exported, ...listRoute } = spec;
  route.get<Permission, P, Q, undefined, R>(list, { ...listRoute, permission, params, querystring: query });
  declareListExport(route, db, { list, params, query, permission, ...exported });
}

import type { ReactNode } from 'react';
import type { ApiError, Page } from '../api/client.js';
import { Pagination } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { pagingOf } from './values.js';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  /** The cell names its row (a <th scope="row">). */
  rowHeader?: boolean;
  className?: string;
}

export interface RowAction {
  label: string;
  onClick(): void;
  danger?: boolean;
}

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

export interface RecordTableProps<T> {
  caption: string;
  captionHidden?: boolean;
  rows: readonly T[];
  /** The row's key; the row's `id` when left out. */
  rowKey?(row: T): string | number;
  rowName?(row: T): string;
  columns: Array<Column<T> | false | null | undefined>;
  actions?(row: T): RowAction[];
  empty?: string;
  paging?: Paging;
  className?: string;
  rowClassName?(row: T): string | undefined;
  /** A wide table (a column per field): its own scrolling region, named by the heading of this id and reachable by keyboard. */
  regionOf?: string;
}

const keyOf = (row: unknown) => (row as { id: string | number }).id;

/** Where a table scrolls sideways: a plain box, or (`regionOf` a heading's id) a region named by that heading. */
function Scrolling({ regionOf, children }: { regionOf?: string; children: ReactNode }) {
  return regionOf ? (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-responsive" tabIndex={0} aria-labelledby={regionOf}>
      {children}
    </section>
  ) : (
    <div className="table-responsive">{children}</div>
  );
}

/**
 * A list of records as an accessible table: a caption (`captionHidden` keeps it for screen
 * readers only), <th scope="col"> headers, row actions whose names end with the row's name
 * (`rowName`: "Elimina azione: Aggiornare il curriculum"), the `empty` message instead of an
 * empty table, and paging (`paging`, e.g. `pagingOf(page, onPage)`). It scrolls sideways
 * inside `.table-responsive`, never the page (with `regionOf`, a region reachable by keyboard).
 * Rows are keyed by `rowKey`, else by their `id`.
 */
export function RecordTable<T>({
  caption,
  captionHidden,
  rows,
  rowKey = keyOf,
  rowName,
  columns,
  actions,
  empty,
  paging,
  className = 'table table-sm',
  rowClassName,
  regionOf,
}: RecordTableProps<T>) {
  const { t } = useI18n();
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  if (rows.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <>
      <Scrolling regionOf={regionOf}>
        <table className={className}>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {shown.map((column) => (
                <th key={column.header} scope="col" className={column.className}>
                  {column.header}
                </th>
              ))}
              {actions ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {shown.map((column) =>
                  column.rowHeader ? (
                    <th key={column.header} scope="row" className={column.className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
                {actions ? (
                  <td>
                    <div className="d-flex gap-2 flex-wrap">
                      {actions(row).map((action) => (
                        <button
                          key={action.label}
                          type="button"
                          className={`btn btn-sm text-nowrap ${action.danger ? 'btn-outline-danger' : 'btn-outline-primary'}`}
                          aria-label={rowName ? `${action.label}: ${rowName(row)}` : undefined}
                          onClick={action.onClick}
                        >
                          {action.label}
                        </button>
                      ))}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Scrolling>
      {paging ? <Pagination {...paging} /> : null}
    </>
  );
}

/** What useApiGet gives for a list: its rows (or a Page of them) once loaded, or the problem loading them. */
export interface LoadedRows<T> {
  data?: readonly T[] | Page<T>;
  error?: ApiError;
}

/**
 * A loaded list as a RecordTable: the problem loading it, any other `problem` (e.g. a row
 * action's change), then the table once the rows are there; a Page answer is paged by `onPage`.
 * Its caption is for screen readers only unless `captionHidden` is false (a list under its heading).
 */
export function LoadedTable<T>({
  loaded,
  onPage,
  problem,
  captionHidden = true,
  ...table
}: Omit<RecordTableProps<T>, 'rows' | 'paging'> & { loaded: LoadedRows<T>; onPage?(page: number): void; problem?: ReactNode }) {
  const { data } = loaded;
  const page = data && !Array.isArray(data) ? (data as Page<T>) : undefined;
  return (
    <>
      <ProblemAlert error={loaded.error} />
      {problem}
      {data ? (
        <RecordTable<T>
          {...table}
          captionHidden={captionHidden}
          rows={page ? page.items : (data as readonly T[])}
          paging={page && onPage ? pagingOf(page, onPage) : undefined}
        />
      ) : null}
    </>
  );
}

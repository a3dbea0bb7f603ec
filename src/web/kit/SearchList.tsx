import { type ComponentProps, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { useDebounced } from '../components/Combobox.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ExportLinks } from './ExportLinks.js';
import { RecordTable } from './RecordTable.js';
import { pagingOf } from './values.js';

/**
 * A list searched by name (people, households): the words typed and the page shown.
 * Names and fiscal codes searched stay out of the address (server logs, shared links): they live
 * in the history entry's state, so that Back from a record shows the same results.
 */
export function useRememberedSearch() {
  const location = useLocation();
  const navigate = useNavigate();
  const remembered = (location.state as { q?: unknown; page?: unknown } | null) ?? {};
  const [query, setQueryState] = useState(typeof remembered.q === 'string' ? remembered.q : '');
  const [page, setPage] = useState(typeof remembered.page === 'number' ? remembered.page : 1);
  const q = useDebounced(query.trim(), 200);
  useEffect(() => {
    navigate('.', { replace: true, state: { q, page } });
  }, [navigate, q, page]);
  /** New words start again from the first page. */
  const setQuery = (next: string) => {
    setQueryState(next);
    setPage(1);
  };
  return { query, setQuery, q, page, setPage };
}

/** The search box above such a list. */
export function SearchBox({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: string): void }) {
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input id={id} type="search" className="form-control" value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** A list page's heading, with the link that creates a record beside it for those who may. */
export function ListHeading({ title, create }: { title: string; create?: { to: string; label: string } | null }) {
  return (
    <div className="d-flex justify-content-between align-items-center flex-wrap gap-2 mb-3">
      <h1 className="h2 mb-0">{title}</h1>
      {create ? (
        <Link to={create.to} className="btn btn-primary">
          {create.label}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * A list page searched by name (people, households): its heading (with the `create` link), the
 * search box (`search`), and the page of records at `path` matching the words (`?q=`), in a table
 * captioned by how many were found (`caption`); `table` gives its columns; `exported`, the
 * downloads of the records matching the words (ExportLinks).
 */
export function SearchList<T>({
  path,
  pageSize,
  title,
  create,
  search,
  caption,
  table,
  exported = false,
}: {
  path: string;
  pageSize: number;
  title: string;
  create?: { to: string; label: string } | null;
  search: { id: string; label: string };
  caption(total: number): string;
  table: Omit<ComponentProps<typeof RecordTable<T>>, 'caption' | 'rows' | 'paging' | 'className'>;
  exported?: boolean;
}) {
  const { query, setQuery, q, page, setPage } = useRememberedSearch();
  const result = useApiGet<Page<T>>(path, { q, page, pageSize });
  return (
    <>
      <ListHeading title={title} create={create} />
      <SearchBox id={search.id} label={search.label} value={query} onChange={setQuery} />
      {exported ? <ExportLinks list={path} filters={{ q }} className="mb-3" /> : null}
      <ProblemAlert error={result.error} />
      {result.data ? (
        <RecordTable<T>
          caption={caption(result.data.total)}
          className="table table-striped"
          rows={result.data.items}
          paging={pagingOf(result.data, setPage)}
          {...table}
        />
      ) : null}
    </>
  );
}

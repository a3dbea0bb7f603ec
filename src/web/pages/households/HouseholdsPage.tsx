import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { HouseholdListItem } from '../../../contracts/households.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { useDebounced } from '../../components/Combobox.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { pagingOf, RecordTable } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName } from './shared.js';

const PAGE_SIZE = 25;

export default function HouseholdsPage() {
  const { t, label } = useI18n();
  const { can, me } = useSession();
  // As on the people page: the names searched stay out of the address, in the history entry's state.
  const location = useLocation();
  const navigate = useNavigate();
  const remembered = (location.state as { q?: unknown; page?: unknown } | null) ?? {};
  const [query, setQuery] = useState(typeof remembered.q === 'string' ? remembered.q : '');
  const [page, setPage] = useState(typeof remembered.page === 'number' ? remembered.page : 1);
  const q = useDebounced(query.trim(), 200);
  useEffect(() => {
    navigate('.', { replace: true, state: { q, page } });
  }, [navigate, q, page]);
  const result = useApiGet<Page<HouseholdListItem>>('/households', { q, page, pageSize: PAGE_SIZE });
  const centres = me?.centres ?? [];
  const centreName = (id: number) => centres.find((c) => c.id === id)?.name ?? String(id);
  usePageTitle(t('households.title'));

  return (
    <>
      <div className="d-flex justify-content-between align-items-center flex-wrap gap-2 mb-3">
        <h1 className="h2 mb-0">{t('households.title')}</h1>
        {can('personal.write') ? (
          <Link to="/households/new" className="btn btn-primary">
            {t('households.new')}
          </Link>
        ) : null}
      </div>
      <div className="mb-3">
        <label htmlFor="households-query" className="form-label">
          {t('households.searchLabel')}
        </label>
        <input
          id="households-query"
          type="search"
          className="form-control"
          value={query}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
        />
      </div>
      <ProblemAlert error={result.error} />
      {result.data ? (
        <RecordTable<HouseholdListItem>
          caption={t('households.count', { count: result.data.total })}
          className="table table-striped"
          rows={result.data.items}
          rowKey={(h) => h.id}
          empty={t('households.none')}
          paging={pagingOf(result.data, setPage)}
          columns={[
            { header: t('households.name'), cell: (h) => <Link to={`/households/${h.id}`}>{h.name}</Link> },
            {
              header: t('households.members'),
              cell: (h) =>
                h.members.length === 0
                  ? t('person.notSet')
                  : h.members.map((m) => `${fullName(m)} (${label('householdRelation', m.relation)})`).join(', '),
            },
            centres.length > 1 && { header: t('households.centre'), cell: (h) => centreName(h.centreId) },
          ]}
        />
      ) : null}
    </>
  );
}

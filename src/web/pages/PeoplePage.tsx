import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PersonSummary } from '../../contracts/people.js';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { useDebounced } from '../components/Combobox.js';
import { useCountryName } from '../components/CountrySelect.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { pagingOf, RecordTable } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export default function PeoplePage() {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const countryName = useCountryName();
  // Names and fiscal codes searched stay out of the address (server logs, shared links): they
  // live in the history entry's state, so that Back from a file shows the same results.
  const location = useLocation();
  const navigate = useNavigate();
  const remembered = (location.state as { q?: unknown; page?: unknown } | null) ?? {};
  const [query, setQuery] = useState(typeof remembered.q === 'string' ? remembered.q : '');
  const [page, setPage] = useState(typeof remembered.page === 'number' ? remembered.page : 1);
  const q = useDebounced(query.trim(), 200);
  useEffect(() => {
    navigate('.', { replace: true, state: { q, page } });
  }, [navigate, q, page]);
  const result = useApiGet<Page<PersonSummary>>('/people', { q, page, pageSize: 25 });
  usePageTitle(t('people.title'));

  return (
    <>
      <div className="d-flex justify-content-between align-items-center flex-wrap gap-2 mb-3">
        <h1 className="h2 mb-0">{t('people.title')}</h1>
        {can('personal.write') ? (
          <Link to="/people/new" className="btn btn-primary">
            {t('people.new')}
          </Link>
        ) : null}
      </div>
      <div className="mb-3">
        <label htmlFor="people-query" className="form-label">
          {t('people.searchLabel')}
        </label>
        <input
          id="people-query"
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
        <RecordTable<PersonSummary>
          caption={t('people.count', { count: result.data.total })}
          className="table table-striped"
          rows={result.data.items}
          rowKey={(p) => p.id}
          empty={t('people.none')}
          paging={pagingOf(result.data, setPage)}
          columns={[
            { header: t('person.familyNames'), cell: (p) => <Link to={`/people/${p.id}`}>{p.familyNames}</Link> },
            { header: t('person.givenNames'), cell: (p) => p.givenNames },
            { header: t('person.birthDate'), cell: (p) => (p.birthDate ? formatDate(p.birthDate) : t('person.notSet')) },
            { header: t('person.gender'), cell: (p) => label('gender', p.gender) },
            { header: t('person.citizenship'), cell: (p) => countryName(p.citizenship) },
            { header: t('person.fiscalCode'), cell: (p) => p.fiscalCode ?? t('person.notSet') },
          ]}
        />
      ) : null}
    </>
  );
}

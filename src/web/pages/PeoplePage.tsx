import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { GENDER_LABELS } from '../../contracts/labels.js';
import type { PersonSummary } from '../../contracts/people.js';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { useDebounced } from '../components/Combobox.js';
import { useCountryName } from '../components/CountrySelect.js';
import { Pagination } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export default function PeoplePage() {
  const { t, locale, formatDate } = useI18n();
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
      {result.data && result.data.items.length === 0 ? <p>{t('people.none')}</p> : null}
      {result.data && result.data.items.length > 0 ? (
        <>
          <table className="table table-striped">
            <caption>{t('people.count', { count: result.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('person.familyNames')}</th>
                <th scope="col">{t('person.givenNames')}</th>
                <th scope="col">{t('person.birthDate')}</th>
                <th scope="col">{t('person.gender')}</th>
                <th scope="col">{t('person.citizenship')}</th>
                <th scope="col">{t('person.fiscalCode')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/people/${p.id}`}>{p.familyNames}</Link>
                  </td>
                  <td>{p.givenNames}</td>
                  <td>{p.birthDate ? formatDate(p.birthDate) : t('person.notSet')}</td>
                  <td>{GENDER_LABELS[locale][p.gender]}</td>
                  <td>{countryName(p.citizenship)}</td>
                  <td>{p.fiscalCode ?? t('person.notSet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pageSize={25} total={result.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}

import { Link } from 'react-router';
import type { PersonSummary } from '../../contracts/people.js';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { useCountryName } from '../components/CountrySelect.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { pagingOf, RecordTable } from '../kit/index.js';
import { ListHeading, SearchBox, useRememberedSearch } from '../kit/SearchList.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export default function PeoplePage() {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const countryName = useCountryName();
  const { query, setQuery, q, page, setPage } = useRememberedSearch();
  const result = useApiGet<Page<PersonSummary>>('/people', { q, page, pageSize: 25 });
  usePageTitle(t('people.title'));

  return (
    <>
      <ListHeading title={t('people.title')} create={can('personal.write') ? { to: '/people/new', label: t('people.new') } : null} />
      <SearchBox id="people-query" label={t('people.searchLabel')} value={query} onChange={setQuery} />
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

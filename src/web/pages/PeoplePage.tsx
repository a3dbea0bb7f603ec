import { Link } from 'react-router';
import type { PersonSummary } from '../../contracts/people.js';
import { useCountryName } from '../components/CountrySelect.js';
import { useI18n } from '../i18n/index.js';
import { SearchList } from '../kit/SearchList.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export default function PeoplePage() {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const countryName = useCountryName();
  usePageTitle(t('people.title'));

  return (
    <SearchList<PersonSummary>
      path="/people"
      pageSize={25}
      title={t('people.title')}
      create={can('personal.write') ? { to: '/people/new', label: t('people.new') } : null}
      search={{ id: 'people-query', label: t('people.searchLabel') }}
      caption={(count) => t('people.count', { count })}
      exported
      table={{
        empty: t('people.none'),
        columns: [
          { header: t('person.familyNames'), cell: (p) => <Link to={`/people/${p.id}`}>{p.familyNames}</Link> },
          { header: t('person.givenNames'), cell: (p) => p.givenNames },
          { header: t('person.birthDate'), cell: (p) => (p.birthDate ? formatDate(p.birthDate) : t('person.notSet')) },
          { header: t('person.gender'), cell: (p) => label('gender', p.gender) },
          { header: t('person.citizenship'), cell: (p) => countryName(p.citizenship) },
          { header: t('person.fiscalCode'), cell: (p) => p.fiscalCode ?? t('person.notSet') },
        ],
      }}
    />
  );
}

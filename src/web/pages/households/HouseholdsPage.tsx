import { Link } from 'react-router';
import type { HouseholdListItem } from '../../../contracts/households.js';
import { useCentreColumn } from '../../components/CentreSelect.js';
import { useI18n } from '../../i18n/index.js';
import { SearchList } from '../../kit/SearchList.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName } from './shared.js';

const PAGE_SIZE = 25;

export default function HouseholdsPage() {
  const { t, label } = useI18n();
  const { can } = useSession();
  const centreColumn = useCentreColumn<HouseholdListItem>(t('households.centre'));
  usePageTitle(t('households.title'));

  return (
    <SearchList<HouseholdListItem>
      path="/households"
      pageSize={PAGE_SIZE}
      title={t('households.title')}
      create={can('personal.write') ? { to: '/households/new', label: t('households.new') } : null}
      search={{ id: 'households-query', label: t('households.searchLabel') }}
      caption={(count) => t('households.count', { count })}
      table={{
        rowKey: (h) => h.id,
        empty: t('households.none'),
        columns: [
          { header: t('households.name'), cell: (h) => <Link to={`/households/${h.id}`}>{h.name}</Link> },
          {
            header: t('households.members'),
            cell: (h) =>
              h.members.length === 0
                ? t('person.notSet')
                : h.members.map((m) => `${fullName(m)} (${label('householdRelation', m.relation)})`).join(', '),
          },
          centreColumn,
        ],
      }}
    />
  );
}

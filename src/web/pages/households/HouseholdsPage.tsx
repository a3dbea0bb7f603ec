import { Link } from 'react-router';
import type { HouseholdListItem } from '../../../contracts/households.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { pagingOf, RecordTable } from '../../kit/index.js';
import { ListHeading, SearchBox, useRememberedSearch } from '../../kit/SearchList.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName } from './shared.js';

const PAGE_SIZE = 25;

export default function HouseholdsPage() {
  const { t, label } = useI18n();
  const { can, me } = useSession();
  // As on the people page: the names searched stay out of the address, in the history entry's state.
  const { query, setQuery, q, page, setPage } = useRememberedSearch();
  const result = useApiGet<Page<HouseholdListItem>>('/households', { q, page, pageSize: PAGE_SIZE });
  const centres = me?.centres ?? [];
  const centreName = (id: number) => centres.find((c) => c.id === id)?.name ?? String(id);
  usePageTitle(t('households.title'));

  return (
    <>
      <ListHeading
        title={t('households.title')}
        create={can('personal.write') ? { to: '/households/new', label: t('households.new') } : null}
      />
      <SearchBox id="households-query" label={t('households.searchLabel')} value={query} onChange={setQuery} />
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

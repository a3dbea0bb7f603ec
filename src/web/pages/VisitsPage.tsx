import { ORIGIN_GROUPS } from '../../contracts/enums.js';
import type { Visit } from '../../contracts/visits.js';
import type { Page } from '../api/client.js';
import { useApiGet, useTopicLabels } from '../api/hooks.js';
import { CentreSelect } from '../components/CentreSelect.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { VisitTable } from '../components/VisitTable.js';
import { useI18n } from '../i18n/index.js';
import { useAddressFilters } from '../kit/addressFilters.js';
import { FilteredPage, FilterPanel } from '../kit/FilterForm.js';
import { FilterSelect } from '../kit/FilterSelect.js';
import { PeriodFields } from '../kit/period.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { useVisitCorrection } from './frontdesk/VisitCorrection.js';

const FILTERS = ['from', 'to', 'topicId', 'originGroup', 'citizenship', 'operatorId', 'centreId'] as const;

export default function VisitsPage() {
  const { t, label } = useI18n();
  const { me, can } = useSession();
  const { topics } = useTopicLabels();
  const operators = useApiGet<Array<{ id: number; displayName: string }>>('/operators');
  const address = useAddressFilters(FILTERS);
  const filters = address.values;
  const visits = useApiGet<Page<Visit>>('/visits', { ...filters, page: address.page, pageSize: 50 });
  // A visit recorded on the wrong person or by mistake is corrected (or deleted) from the list.
  const correction = useVisitCorrection(visits.reload);
  const canCorrect = can('personal.write');
  usePageTitle(t('visits.title'));

  const topicChoices = (topics.data ?? []).map((topic) => ({ value: topic.id, label: label(topic) }));
  const groupChoices = ORIGIN_GROUPS.map((group) => ({ value: group, label: label('originGroup', group) }));
  const operatorChoices = (operators.data ?? []).map((o) => ({ value: o.id, label: o.displayName }));

  return (
    <>
      <h1 className="h2 mb-3">{t('visits.title')}</h1>
      <FilterPanel
        id="filters-title"
        onApply={address.apply}
        onReset={address.reset}
        key={address.key}
        exports={{ list: '/visits', filters }}
      >
        <PeriodFields from={filters.from} to={filters.to} column="col-sm-6 col-lg-3" />
        <FilterSelect column="col-sm-6 col-lg-3" label={t('visits.topic')} {...address.named('topicId')} choices={topicChoices} />
        <FilterSelect column="col-sm-6 col-lg-3" label={t('visit.originGroup')} {...address.named('originGroup')} choices={groupChoices} />
        <CountrySelect
          column="col-sm-6 col-lg-3"
          label={t('visits.country')}
          name="citizenship"
          citizenship
          defaultValue={filters.citizenship ?? ''}
          emptyLabel={t('visits.any')}
        />
        <FilterSelect column="col-sm-6 col-lg-3" label={t('visits.operator')} {...address.named('operatorId')} choices={operatorChoices} />
        {me && me.centres.length > 1 ? (
          <CentreSelect
            column="col-sm-6 col-lg-3"
            label={t('visits.centre')}
            name="centreId"
            defaultValue={filters.centreId ?? ''}
            emptyLabel={t('visits.any')}
          />
        ) : null}
      </FilterPanel>
      <FilteredPage loaded={visits} count={(count) => t('visits.count', { count })} countTestId="visits-count">
        {(page) => (
          <>
            {canCorrect ? correction.panel : null}
            <VisitTable
              visits={page}
              columns={['date', 'person', 'gender', 'citizenship', 'originGroup', 'topics', 'channel', 'operator']}
              caption={t('visits.title')}
              empty={t('visits.none')}
              onPage={address.setPage}
              actions={canCorrect ? correction.actions : undefined}
              rowName={correction.rowName}
            />
          </>
        )}
      </FilteredPage>
    </>
  );
}

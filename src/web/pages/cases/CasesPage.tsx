import { Link } from 'react-router';
import type { CaseListItem, OverdueAction } from '../../../contracts/cases.js';
import { CASE_STATUSES } from '../../../contracts/enums.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { useI18n } from '../../i18n/index.js';
import { useAddressFilters } from '../../kit/addressFilters.js';
import { FilteredPage, FilterPanel } from '../../kit/FilterForm.js';
import { LoadedTable, pagingOf, RecordTable, TitledSection, ValueSelect } from '../../kit/index.js';
import { ListHeading } from '../../kit/SearchList.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { caseTitle } from './parts.js';

const PAGE_SIZE = 50;
const FILTERS = ['status', 'mine', 'centreId'] as const;

/** The overdue actions of the caller (an operator's own; a coordinator's centres' all). */
function OverduePanel() {
  const { t, formatDate, label } = useI18n();
  const overdue = useApiGet<Page<OverdueAction>>('/actions/overdue', { pageSize: 20 });
  return (
    <TitledSection
      id="overdue-title"
      title={
        <>
          {t('cases.overdue.title')} {overdue.data ? <span className="badge bg-danger">{overdue.data.total}</span> : null}
        </>
      }
      className="border rounded p-3 mb-4"
    >
      <p className="small mb-2">{t('cases.overdue.intro')}</p>
      <LoadedTable<OverdueAction>
        loaded={overdue}
        caption={t('cases.overdue.title')}
        className="table table-sm mb-0"
        empty={t('cases.overdue.none')}
        columns={[
          { header: t('cases.overdue.due'), cell: (a) => (a.dueOn ? formatDate(a.dueOn) : ''), className: 'text-danger fw-semibold' },
          { header: t('cases.overdue.action'), cell: (a) => a.description },
          { header: t('cases.overdue.goal'), cell: (a) => a.goalTitle },
          { header: t('cases.overdue.case'), cell: (a) => <Link to={`/cases/${a.caseId}`}>{caseTitle(a, t)}</Link> },
          {
            header: t('cases.overdue.assignee'),
            cell: (a) => a.assignee?.displayName ?? a.assigneeName ?? a.responsible?.displayName ?? '',
          },
          { header: t('cases.action.status'), cell: (a) => label('actionStatus', a.status) },
        ]}
      />
    </TitledSection>
  );
}

export default function CasesPage() {
  const { t, formatDate, label } = useI18n();
  const { me, can } = useSession();
  const address = useAddressFilters(FILTERS);
  const { status = '', centreId = '' } = address.values;
  const mine = address.values.mine === 'true';
  const cases = useApiGet<Page<CaseListItem>>('/cases', {
    status: status || undefined,
    mine: mine ? 'true' : undefined,
    centreId: centreId || undefined,
    page: address.page,
    pageSize: PAGE_SIZE,
  });
  usePageTitle(t('cases.title'));

  return (
    <>
      <ListHeading title={t('cases.title')} create={can('personal.write') ? { to: '/cases/new', label: t('cases.new') } : null} />

      <OverduePanel />

      <FilterPanel
        id="cases-filters-title"
        onApply={address.apply}
        onReset={address.reset}
        rowClass="row align-items-end"
        key={address.key}
        exports={{
          list: '/cases',
          filters: { status: status || undefined, mine: mine ? 'true' : undefined, centreId: centreId || undefined },
        }}
      >
        <ValueSelect
          column="col-sm-6 col-lg-3"
          name="status"
          label={t('cases.status')}
          list="caseStatus"
          values={CASE_STATUSES}
          blank={t('cases.any')}
          defaultValue={status}
        />
        {me && me.centres.length > 1 ? (
          <CentreSelect
            column="col-sm-6 col-lg-3"
            label={t('cases.centre')}
            name="centreId"
            defaultValue={centreId}
            emptyLabel={t('cases.any')}
          />
        ) : null}
        <div className="col-sm-12 col-lg-4 mb-3">
          <div className="form-check">
            <input id="cases-mine" type="checkbox" name="mine" value="true" defaultChecked={mine} />
            <label htmlFor="cases-mine">{t('cases.mine')}</label>
          </div>
        </div>
      </FilterPanel>

      <FilteredPage loaded={cases} count={(count) => t('cases.count', { count })} countTestId="cases-count">
        {(page) => (
          <RecordTable<CaseListItem>
            caption={t('cases.title')}
            captionHidden
            className="table"
            rows={page.items}
            empty={t('cases.none')}
            paging={pagingOf(page, address.setPage)}
            columns={[
              {
                header: t('cases.who'),
                rowHeader: true,
                cell: (c) => (
                  <>
                    <Link to={`/cases/${c.id}`}>{caseTitle(c, t)}</Link>
                    {c.household ? (
                      <small className="d-block">
                        {c.members.map((m) => (m.person ? `${m.person.givenNames} ${m.person.familyNames}` : t('cases.erased'))).join(', ')}
                      </small>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('cases.status'),
                cell: (c) => (
                  <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'}`}>{label('caseStatus', c.status)}</span>
                ),
              },
              { header: t('cases.openedOn'), cell: (c) => formatDate(c.openedOn) },
              { header: t('cases.closedOn'), cell: (c) => (c.closedOn ? formatDate(c.closedOn) : '') },
              { header: t('cases.responsible'), cell: (c) => c.responsible?.displayName ?? '' },
              { header: t('cases.areas'), cell: (c) => c.areas.map((a) => label('caseArea', a)).join(', ') },
            ]}
          />
        )}
      </FilteredPage>
    </>
  );
}

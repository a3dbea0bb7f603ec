import { Link } from 'react-router';
import type { Application, ApplicationSummary } from '../../../contracts/activities.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { ExportLinks } from '../../kit/ExportLinks.js';
import { pagingOf, RecordTable, TitledSection, useChange } from '../../kit/index.js';
import { LoadedSection } from '../../kit/LoadedSection.js';
import { PeriodForm, usePeriodRecords } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { ApplicationForm } from './ApplicationForm.js';
import { applicationKey, useApplicationColumns } from './applications/columns.js';
import { SummaryTables } from './applications/SummaryTables.js';
import { useRemoveRecord } from './records.js';
import { personName } from './shared.js';

const PAGE_SIZE = 50;

/** Applications (domande / bonus): recording one (always open at the desk), the period's counts and list. */
export default function ApplicationsPage() {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const canWrite = can('personal.write');
  const { period, summary, list, reload } = usePeriodRecords<ApplicationSummary, Application>('/applications', PAGE_SIZE);
  const change = useChange({ reload });
  const remove = useRemoveRecord(change);
  const columns = useApplicationColumns(change, {
    person: {
      header: t('activities.person'),
      cell: (a) => (a.person ? <Link to={`/people/${a.person.id}`}>{personName(a.person)}</Link> : t('person.notSet')),
    },
  });
  usePageTitle(t('activities.applications.title'));

  return (
    <>
      <h1 className="h2">{t('activities.applications.title')}</h1>
      <p>{t('activities.applications.intro')}</p>

      {canWrite ? (
        <TitledSection id="record-application" title={t('activities.applications.record')} className="border rounded p-3 mb-4">
          <ApplicationForm reload={reload} />
        </TitledSection>
      ) : null}

      <PeriodForm from={period.from} to={period.to} onApply={period.setPeriod} />
      <LoadedSection id="applications-summary" title={t('activities.applications.summary')} loaded={summary}>
        {(data) => <SummaryTables summary={data} />}
      </LoadedSection>

      <TitledSection id="applications-list" title={t('activities.applications.list')} headingClass="h4 mt-3">
        {change.problem}
        <ProblemAlert error={list.error} />
        {list.data ? <p aria-live="polite">{t('activities.applications.total', { count: list.data.total })}</p> : null}
        <ExportLinks list="/applications" filters={{ from: period.from, to: period.to }} className="mb-3" />
        {list.data ? (
          <RecordTable<Application>
            caption={t('activities.applications.list')}
            captionHidden
            rows={list.data.items}
            rowKey={applicationKey}
            rowName={(a) => `${label(a.type)}, ${formatDate(a.date)}`}
            empty={t('activities.applications.none')}
            paging={pagingOf(list.data, period.setPage)}
            columns={columns}
            actions={
              canWrite
                ? (a) => [{ label: t('activities.delete'), danger: true, onClick: () => remove(`/applications/${a.id}`, a.version) }]
                : undefined
            }
          />
        ) : null}
      </TitledSection>
    </>
  );
}

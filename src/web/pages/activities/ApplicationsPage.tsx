import { useState } from 'react';
import { Link } from 'react-router';
import type { Application, ApplicationSummary } from '../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { Pagination } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { ApplicationForm } from './ApplicationForm.js';
import { OutcomeSelect } from './OutcomeSelect.js';
import { PeriodForm, personName, usePeriod, useTypeLabel } from './shared.js';

const PAGE_SIZE = 50;

function SummaryTables({ summary }: { summary: ApplicationSummary }) {
  const { t, formatNumber, label } = useI18n();
  const typeLabel = useTypeLabel();
  return (
    <div className="row">
      <div className="col-lg-8">
        <table className="table table-sm" data-testid="applications-by-type">
          <caption className="caption-top h6 text-body">{t('activities.applications.byType')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activities.applications.type')}</th>
              <th scope="col">{t('activities.applications.level')}</th>
              <th scope="col">{t('activities.applications.anagrafe')}</th>
              <th scope="col" className="text-end">
                {t('activities.applications.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.byType.map((row) => (
              <tr key={row.typeId}>
                <th scope="row" className="fw-normal">
                  {typeLabel(row)}
                </th>
                <td>{label('applicationLevel', row.level)}</td>
                <td>{row.anagrafe ? t('common.yes') : t('common.no')}</td>
                <td className="text-end">{formatNumber(row.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('common.total')}
              </th>
              <td className="text-end fw-bold">{formatNumber(summary.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="col-lg-4">
        <table className="table table-sm" data-testid="applications-by-level">
          <caption className="caption-top h6 text-body">{t('activities.applications.byLevel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activities.applications.level')}</th>
              <th scope="col" className="text-end">
                {t('activities.applications.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {APPLICATION_LEVELS.map((level) => (
              <tr key={level}>
                <th scope="row" className="fw-normal">
                  {label('applicationLevel', level)}
                </th>
                <td className="text-end">{formatNumber(summary.byLevel[level])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
              <td className="text-end fw-bold">{formatNumber(summary.total)}</td>
            </tr>
          </tfoot>
        </table>
        <p>{t('activities.applications.anagrafeTotal', { count: formatNumber(summary.anagrafe) })}</p>
      </div>
    </div>
  );
}

export default function ApplicationsPage() {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const typeLabel = useTypeLabel();
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<ApplicationSummary>('/applications/summary', { from, to });
  const list = useApiGet<Page<Application>>('/applications', { from, to, page, pageSize: PAGE_SIZE });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('activities.applications.title'));

  const reload = (message?: string) => {
    setError(null);
    setNotice(message ?? null);
    summary.reload();
    list.reload();
  };
  const remove = async (application: Application) => {
    if (!window.confirm(t('activities.deleteConfirm'))) return;
    try {
      await api('DELETE', `/applications/${application.id}`, undefined, { version: application.version });
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('activities.applications.title')}</h1>
      <p>{t('activities.applications.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error} />

      {can('personal.write') ? (
        <section className="border rounded p-3 mb-4" aria-labelledby="record-application">
          <h2 id="record-application" className="h4">
            {t('activities.applications.record')}
          </h2>
          <ApplicationForm onSaved={() => reload(t('activities.applications.saved'))} />
        </section>
      ) : null}

      <PeriodForm from={from} to={to} onApply={setPeriod} />
      <section aria-labelledby="applications-summary">
        <h2 id="applications-summary" className="h4">
          {t('activities.applications.summary')}
        </h2>
        <ProblemAlert error={summary.error} />
        {summary.data ? <SummaryTables summary={summary.data} /> : null}
      </section>

      <section aria-labelledby="applications-list">
        <h2 id="applications-list" className="h4 mt-3">
          {t('activities.applications.list')}
        </h2>
        <ProblemAlert error={list.error} />
        {list.data ? <p aria-live="polite">{t('activities.applications.total', { count: list.data.total })}</p> : null}
        {list.data && list.data.items.length === 0 ? <p>{t('activities.applications.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{t('activities.applications.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activities.date')}</th>
                    <th scope="col">{t('activities.person')}</th>
                    <th scope="col">{t('activities.applications.type')}</th>
                    <th scope="col">{t('activities.applications.level')}</th>
                    <th scope="col">{t('activities.applications.outcome')}</th>
                    <th scope="col">{t('activities.operator')}</th>
                    {can('personal.write') ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((application) => (
                    <tr key={`${application.id}-${application.version}`}>
                      <td>{formatDate(application.date)}</td>
                      <td>
                        {application.person ? (
                          <Link to={`/people/${application.person.id}`}>{personName(application.person)}</Link>
                        ) : (
                          t('person.notSet')
                        )}
                      </td>
                      <td>{typeLabel(application.type)}</td>
                      <td>{label('applicationLevel', application.type.level)}</td>
                      <td>
                        <OutcomeSelect
                          application={application}
                          onChanged={() => reload(t('activities.applications.outcomeSaved'))}
                          onError={setError}
                        />
                      </td>
                      <td>{application.operator?.displayName ?? t('person.notSet')}</td>
                      {can('personal.write') ? (
                        <td>
                          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(application)}>
                            {t('activities.delete')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}

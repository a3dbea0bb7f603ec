import { useState } from 'react';
import type { Application } from '../../../contracts/activities.js';
import type { ApiError, Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { ApplicationForm } from './ApplicationForm.js';
import { OutcomeSelect } from './OutcomeSelect.js';
import { useTypeLabel } from './shared.js';

/** The person's file: their applications (domande / bonus), and recording one for them. */
export function PersonApplicationsSection({ personId, initial }: { personId: number; initial?: Application[] }) {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const typeLabel = useTypeLabel();
  // A person has a handful: one page holds them all.
  const applications = useApiGet<Page<Application>>(
    '/applications',
    { personId, pageSize: 200 },
    initial && { items: initial, total: initial.length, page: 1, pageSize: 200 },
  );
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const items = applications.data?.items ?? [];

  return (
    <section aria-labelledby="person-applications" className="mt-4">
      <div className="d-flex justify-content-between align-items-center flex-wrap gap-2">
        <h2 id="person-applications" className="h4 mb-0">
          {t('activities.applications.title')} <span className="badge bg-primary">{applications.data?.total ?? 0}</span>
        </h2>
        {can('personal.write') && !recording ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setRecording(true)}>
            {t('activities.applications.recordFor')}
          </button>
        ) : null}
      </div>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? applications.error} />
      {recording ? (
        <div className="border rounded p-3 my-3">
          <h3 className="h5">{t('activities.applications.record')}</h3>
          <ApplicationForm
            personId={personId}
            onSaved={() => {
              setRecording(false);
              setNotice(t('activities.applications.saved'));
              applications.reload();
            }}
          />
          <button type="button" className="btn btn-link px-0" onClick={() => setRecording(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {applications.data && items.length === 0 ? <p className="mt-2">{t('activities.applications.personNone')}</p> : null}
      {items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm mt-2">
            <caption className="visually-hidden">{t('activities.applications.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.date')}</th>
                <th scope="col">{t('activities.applications.type')}</th>
                <th scope="col">{t('activities.applications.level')}</th>
                <th scope="col">{t('activities.applications.outcome')}</th>
                <th scope="col">{t('activities.operator')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((application) => (
                <tr key={`${application.id}-${application.version}`}>
                  <td>{formatDate(application.date)}</td>
                  <td>{typeLabel(application.type)}</td>
                  <td>{label('applicationLevel', application.type.level)}</td>
                  <td>
                    <OutcomeSelect
                      application={application}
                      onChanged={() => {
                        setError(null);
                        setNotice(t('activities.applications.outcomeSaved'));
                        applications.reload();
                      }}
                      onError={setError}
                    />
                  </td>
                  <td>{application.operator?.displayName ?? t('person.notSet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

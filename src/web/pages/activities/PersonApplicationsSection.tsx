import { useState } from 'react';
import type { Application } from '../../../contracts/activities.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { EditableSection, LoadedTable, useChange } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { ApplicationForm } from './ApplicationForm.js';
import { applicationKey, useApplicationColumns } from './applications/columns.js';

/** The person's file: their applications (domande / bonus), and recording one for them (on demand). */
export function PersonApplicationsSection({ personId, initial }: { personId: number; initial?: Application[] }) {
  const { t } = useI18n();
  const { can } = useSession();
  // A person has a handful: one page holds them all.
  const applications = useApiGet<Page<Application>>(
    '/applications',
    { personId, pageSize: 200 },
    initial && { items: initial, total: initial.length, page: 1, pageSize: 200 },
  );
  const change = useChange({ reload: applications.reload });
  // Said in the section, where the operator is looking (a status the file's readers find there).
  const [notice, setNotice] = useState<string | null>(null);
  const columns = useApplicationColumns(change, { onSaved: setNotice });

  return (
    <section aria-labelledby="person-applications" className="mt-4">
      <EditableSection
        heading={
          <h2 id="person-applications" className="h4 mb-0">
            {t('activities.applications.title')} <span className="badge bg-primary">{applications.data?.total ?? 0}</span>
          </h2>
        }
        editLabel={t('activities.applications.recordFor')}
        canEdit={can('personal.write')}
        form={(close) => (
          <ApplicationForm
            personId={personId}
            title={t('activities.applications.record')}
            reload={applications.reload}
            onSaved={(message) => {
              close();
              setNotice(message);
            }}
            onCancel={close}
          />
        )}
      />
      <SuccessAlert message={notice} />
      {change.problem}
      <LoadedTable<Application>
        loaded={applications}
        caption={t('activities.applications.title')}
        className="table table-sm mt-2"
        rowKey={applicationKey}
        empty={t('activities.applications.personNone')}
        columns={columns}
      />
    </section>
  );
}

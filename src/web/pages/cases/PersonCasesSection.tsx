import { Link } from 'react-router';
import type { CaseListItem } from '../../../contracts/cases.js';
import { CASE_AREA_LABELS, CASE_STATUS_LABELS } from '../../../contracts/labels.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { caseTitle } from './parts.js';

/** The person's file: their cases (as a person or as a household member) and the button to open one. */
export function PersonCasesSection({ personId }: { personId: number }) {
  const { t, locale, formatDate } = useI18n();
  const { can } = useSession();
  const cases = useApiGet<Page<CaseListItem>>('/cases', { personId, pageSize: 50 });
  const hasOpen = cases.data?.items.some((c) => c.status === 'open') ?? false;
  return (
    <section aria-labelledby="person-cases-title" className="mt-4">
      <div className="d-flex justify-content-between align-items-center flex-wrap gap-2">
        <h2 id="person-cases-title" className="h4">
          {t('cases.person.title')} <span className="badge bg-primary">{cases.data?.total ?? 0}</span>
        </h2>
        {can('personal.write') && cases.data && !hasOpen ? (
          <Link to={`/cases/new?personId=${personId}`} className="btn btn-outline-primary btn-sm">
            {t('cases.person.open')}
          </Link>
        ) : null}
      </div>
      <ProblemAlert error={cases.error} />
      {cases.data && cases.data.items.length === 0 ? <p>{t('cases.person.none')}</p> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('cases.person.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.who')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('cases.openedOn')}</th>
                <th scope="col">{t('cases.closedOn')}</th>
                <th scope="col">{t('cases.responsible')}</th>
                <th scope="col">{t('cases.areas')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/cases/${c.id}`}>{caseTitle(c, t)}</Link>
                  </th>
                  <td>
                    <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'}`}>
                      {CASE_STATUS_LABELS[locale][c.status]}
                    </span>
                  </td>
                  <td>{formatDate(c.openedOn)}</td>
                  <td>{c.closedOn ? formatDate(c.closedOn) : ''}</td>
                  <td>{c.responsible?.displayName ?? ''}</td>
                  <td>{c.areas.map((a) => CASE_AREA_LABELS[locale][a]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

import { Link, useLocation, useParams } from 'react-router';
import type { Case } from '../../../contracts/cases.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { DetailsSection } from './case/DetailsSection.js';
import { DiarySection } from './case/DiarySection.js';
import { PlanSection } from './case/PlanSection.js';
import { ReferralsSection } from './case/ReferralsSection.js';
import { StatusSection } from './case/StatusSection.js';
import { caseTitle, useStaff } from './parts.js';

/**
 * "Presa in carico": one component per section (case/), each with its forms opened on demand.
 * Every change reloads the case; a change refused because the case changed meanwhile offers
 * "Ricarica" next to the form that was refused.
 */
export default function CasePage() {
  const { id } = useParams();
  const { t, label } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const found = useApiGet<Case>(`/cases/${id}`);
  const c = found.data;
  const staff = useStaff(c?.centreId).data ?? [];
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;
  const canWrite = can('personal.write');
  usePageTitle(c ? `${t('cases.page.title')}: ${caseTitle(c, t)}` : t('cases.page.title'));

  if (found.error && !c) return <ProblemAlert error={found.error} />;
  if (!c) return <p>{t('app.loading')}</p>;
  const section = { c, reload: found.reload, canWrite };

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : null} />
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <div>
          <p className="text-uppercase small mb-1">{t('cases.page.title')}</p>
          <h1 id="case-title" className="h2 text-break" tabIndex={-1}>
            {caseTitle(c, t)}{' '}
            <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'} fs-6 align-middle`}>
              {label('caseStatus', c.status)}
            </span>
          </h1>
        </div>
        {c.person ? (
          <Link to={`/people/${c.person.id}`} className="btn btn-outline-primary">
            {t('cases.page.personFile')}
          </Link>
        ) : null}
      </div>
      <DetailsSection {...section} staff={staff} />
      <PlanSection {...section} staff={staff} />
      <DiarySection {...section} />
      <ReferralsSection {...section} />
      {canWrite ? <StatusSection key={c.status} c={c} reload={found.reload} /> : null}
    </>
  );
}

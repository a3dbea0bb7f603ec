/** The plan: its goals (each a GoalCard) and a goal added on demand. */
import { useI18n } from '../../../i18n/index.js';
import { AddToCase, CaseSection, type SectionProps, type StaffMember } from '../parts.js';
import { GoalCard } from './GoalCard.js';
import { GoalForm } from './GoalForm.js';

export function PlanSection({ c, reload, canWrite, staff }: SectionProps & { staff: StaffMember[] }) {
  const { t } = useI18n();
  return (
    <CaseSection id="plan-title" title={t('cases.plan')}>
      {c.goals.length === 0 ? <p>{t('cases.plan.none')}</p> : null}
      {c.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} staff={staff} reload={reload} canWrite={canWrite} />
      ))}
      {canWrite ? (
        <AddToCase label={t('cases.goal.add')} form={(close) => <GoalForm caseId={c.id} reload={reload} onDone={close} />} />
      ) : null}
    </CaseSection>
  );
}

/** The plan: its goals (each a GoalCard) and a goal added on demand. */
import { useI18n } from '../../../i18n/index.js';
import { EditableSection } from '../../../kit/index.js';
import type { SectionProps, StaffMember } from '../parts.js';
import { GoalCard } from './GoalCard.js';
import { GoalForm } from './GoalForm.js';

export function PlanSection({ c, reload, canWrite, staff }: SectionProps & { staff: StaffMember[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-title" className="mt-4">
      <h2 id="plan-title" className="h3" tabIndex={-1}>
        {t('cases.plan')}
      </h2>
      {c.goals.length === 0 ? <p>{t('cases.plan.none')}</p> : null}
      {c.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} staff={staff} reload={reload} canWrite={canWrite} />
      ))}
      {canWrite ? (
        <EditableSection
          editLabel={t('cases.goal.add')}
          editClass="btn btn-outline-primary"
          form={(close) => <GoalForm caseId={c.id} reload={reload} onDone={close} />}
        />
      ) : null}
    </section>
  );
}

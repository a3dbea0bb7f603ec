/** A goal's form: a new goal of the plan, or a goal edited in place (with its status). */
import type { CaseGoal } from '../../../../contracts/cases.js';
import { GOAL_STATUSES } from '../../../../contracts/enums.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type OnDemandForm, orNull, useFields, ValueSelect } from '../../../kit/index.js';
import { CaseItemForm, useCaseChange } from '../parts.js';

export function GoalForm({ caseId, goal, reload, onDone }: { caseId?: number; goal?: CaseGoal } & OnDemandForm) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ title: goal?.title ?? '', description: goal?.description ?? '', status: goal?.status ?? 'open' });
  const bound = boundTo(form, change);
  const { values } = form;
  const save = async () => {
    const fields = { title: values.title.trim(), description: orNull(values.description) };
    const sent = goal
      ? await change.send(
          'PATCH',
          `/goals/${goal.id}`,
          { version: goal.version, ...fields, status: values.status },
          { success: t('cases.goal.saved') },
        )
      : await change.send('POST', `/cases/${caseId}/goals`, fields, { success: t('cases.goal.added') });
    if (sent.ok) onDone();
  };
  return (
    <CaseItemForm change={change} onSubmit={save} correcting={Boolean(goal)} addLabel={t('cases.goal.add')} onDone={onDone}>
      <div className="row">
        <div className={goal ? 'col-md-8' : 'col-12'}>
          <TextField label={t('cases.goal.title')} required maxLength={200} {...bound('title')} />
        </div>
        {goal ? (
          <div className="col-md-4">
            <ValueSelect label={t('cases.goal.status')} list="goalStatus" values={GOAL_STATUSES} {...form.field('status')} />
          </div>
        ) : null}
      </div>
      <TextAreaField label={t('cases.goal.description')} maxLength={2000} {...form.field('description')} />
    </CaseItemForm>
  );
}

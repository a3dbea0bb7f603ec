/** A goal of the plan: edited in place, deleted after a confirmation, its actions (status saved on each row) and an action added on demand. */
import type { CaseAction, CaseGoal } from '../../../../contracts/cases.js';
import { isOverdue } from '../../../../domain/care.js';
import { todayInRome } from '../../../../domain/dates.js';
import { SelectField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { EditableSection, type OnDemandForm, orNull, RecordForm, RecordTable, useFields, useRemove } from '../../../kit/index.js';
import { CaseItemStatus, type StaffMember, StaffOptions, useCaseChange } from '../parts.js';
import { GoalForm } from './GoalForm.js';

function AddActionForm({ goal, staff, reload, onDone }: { goal: CaseGoal; staff: StaffMember[] } & OnDemandForm) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ description: '', assigneeId: '', assigneeName: '', dueOn: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const add = async () => {
    const sent = await change.send(
      'POST',
      `/goals/${goal.id}/actions`,
      {
        description: values.description.trim(),
        assigneeId: values.assigneeId ? Number(values.assigneeId) : null,
        assigneeName: values.assigneeId ? null : orNull(values.assigneeName),
        dueOn: values.dueOn || null,
      },
      { success: t('cases.action.added') },
    );
    if (sent.ok) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={add}
      label={`${t('cases.action.add')}: ${goal.title}`}
      submitLabel={t('cases.action.add')}
      submitClass="btn btn-outline-primary"
      small
      className="border rounded p-2 mb-2"
      onCancel={onDone}
      autoFocus
    >
      <div className="row align-items-end">
        <div className="col-md-4">
          <TextField label={t('cases.action.description')} required maxLength={1000} {...bound('description')} />
        </div>
        <div className="col-md-3">
          <SelectField label={t('cases.action.assignee')} {...bound('assigneeId')}>
            <option value="">{t('cases.action.noOperator')}</option>
            <StaffOptions staff={staff} />
          </SelectField>
        </div>
        <div className="col-md-3">
          <TextField
            label={t('cases.action.assigneeName')}
            maxLength={200}
            disabled={Boolean(values.assigneeId)}
            {...bound('assigneeName')}
          />
        </div>
        <div className="col-md-2">
          <TextField label={t('cases.action.due')} type="date" {...bound('dueOn')} />
        </div>
      </div>
    </RecordForm>
  );
}

export function GoalCard({ goal, staff, reload, canWrite }: { goal: CaseGoal; staff: StaffMember[]; reload(): void; canWrite: boolean }) {
  const { t, formatDate, label } = useI18n();
  const change = useCaseChange(reload);
  const removeGoal = useRemove(change, 'cases.goal');
  const removeAction = useRemove(change, 'cases.action');
  const today = todayInRome();
  const headingId = `goal-${goal.id}`;
  return (
    <article className="border rounded p-3 mb-3" aria-labelledby={headingId}>
      {change.problem}
      <EditableSection
        heading={
          <h3 id={headingId} className="h5" tabIndex={-1}>
            {goal.title} <span className="badge bg-secondary">{label('goalStatus', goal.status)}</span>
          </h3>
        }
        editLabel={t('cases.goal.edit')}
        canEdit={canWrite}
        actions={
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            onClick={() =>
              removeGoal(`/goals/${goal.id}`, goal.version, {
                values: { title: goal.title },
                success: t('cases.goal.deleted'),
                focus: 'plan-title',
              })
            }
          >
            {t('cases.goal.delete')}
          </button>
        }
        form={(close) => <GoalForm goal={goal} reload={reload} onDone={close} />}
      >
        {goal.description ? <p>{goal.description}</p> : null}
      </EditableSection>
      <RecordTable<CaseAction>
        caption={goal.title}
        captionHidden
        rows={goal.actions}
        rowName={(a) => a.description}
        empty={t('cases.goal.noActions')}
        columns={[
          { header: t('cases.action.description'), cell: (a) => a.description },
          { header: t('cases.overdue.assignee'), cell: (a) => a.assignee?.displayName ?? a.assigneeName ?? '' },
          {
            header: t('cases.action.due'),
            cell: (a) => (
              <>
                {a.dueOn ? formatDate(a.dueOn) : ''}
                {isOverdue(a, today) ? <span className="badge bg-danger ms-2">{t('cases.action.overdue')}</span> : null}
              </>
            ),
          },
          {
            header: t('cases.action.status'),
            cell: (a) => (
              <>
                <CaseItemStatus kind="action" name={a.description} item={a} canWrite={canWrite} reload={reload} />
                {a.doneOn ? <small className="d-block">{t('cases.action.doneOn', { date: formatDate(a.doneOn) })}</small> : null}
              </>
            ),
          },
        ]}
        actions={
          canWrite
            ? (a) => [
                {
                  label: t('cases.action.delete'),
                  danger: true,
                  onClick: () => removeAction(`/actions/${a.id}`, a.version, { success: t('cases.action.deleted'), focus: headingId }),
                },
              ]
            : undefined
        }
      />
      {canWrite ? (
        <EditableSection
          editLabel={t('cases.action.add')}
          editName={`${t('cases.action.add')}: ${goal.title}`}
          form={(close) => <AddActionForm goal={goal} staff={staff} reload={reload} onDone={close} />}
        />
      ) : null}
    </article>
  );
}

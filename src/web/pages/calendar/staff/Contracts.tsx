/** A member's contract periods: the table, a period corrected or added on demand. */
import { useState } from 'react';
import type { Project, StaffContract, StaffMember } from '../../../../contracts/calendar.js';
import { useApiGet } from '../../../api/hooks.js';
import { TextField } from '../../../components/fields.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { ChoiceSelect } from '../../../kit/FilterSelect.js';
import {
  EditableSection,
  focusLater,
  type OnDemandForm,
  orNull,
  RecordForm,
  RecordTable,
  saveRecord,
  TitledSection,
  useChange,
  useFields,
  useRemove,
} from '../../../kit/index.js';
import { DateRangeFields, hoursOfMinutes, minutesOfHours, useFormatMinutes, WeeklyHoursField } from '../shared.js';

function ContractForm({
  member,
  projects,
  editing,
  reload,
  onDone,
}: {
  member: StaffMember;
  projects: Project[];
  editing: StaffContract | null;
} & OnDemandForm) {
  const { t, formatDate } = useI18n();
  const change = useChange({ reload });
  const form = useFields({
    from: editing?.from ?? '',
    to: editing?.to ?? '',
    hours: editing ? hoursOfMinutes(editing.weeklyMinutes) : '',
    description: editing?.description ?? '',
    projectId: editing?.project ? String(editing.project.id) : '',
  });
  const { values } = form;
  const bound = boundTo(form, change);
  const save = async () => {
    const fields = {
      from: values.from,
      to: values.to || null,
      weeklyMinutes: minutesOfHours(values.hours),
      description: orNull(values.description),
      projectId: values.projectId ? Number(values.projectId) : null,
    };
    const sent = await saveRecord(change, `/staff/${member.id}/contracts`, editing, fields, { success: t('calendar.saved') });
    if (sent.ok) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={editing ? t('calendar.staff.editingContract', { date: formatDate(editing.from) }) : t('calendar.staff.addContract')}
      submitLabel={t('calendar.staff.saveContract')}
      onCancel={onDone}
      autoFocus
    >
      <div className="row">
        <DateRangeFields from={bound('from')} to={bound('to')} openEnded />
        <WeeklyHoursField
          column="col-sm-6 col-lg-3"
          label={t('calendar.staff.weeklyHours')}
          {...form.field('hours')}
          error={change.fieldErrors.weeklyMinutes}
        />
        <ChoiceSelect
          column="col-sm-6 col-lg-3"
          label={t('calendar.staff.project')}
          blank={t('calendar.staff.noProject')}
          choices={projects.map((project) => ({ value: project.id, label: project.name }))}
          {...bound('projectId')}
        />
      </div>
      <TextField
        label={t('calendar.staff.description')}
        maxLength={300}
        hint={t('calendar.staff.descriptionHint')}
        {...bound('description')}
      />
    </RecordForm>
  );
}

export function Contracts({ member, centreId, reload }: { member: StaffMember; centreId: number; reload(): void }) {
  const { t, formatDate } = useI18n();
  const formatMinutes = useFormatMinutes();
  const projects = useApiGet<Project[]>('/projects', { centreId });
  const [editing, setEditing] = useState<StaffContract | null>(null);
  const change = useChange({ reload });
  const removeRecord = useRemove(change, 'calendar');
  const remove = (contract: StaffContract) =>
    removeRecord(`/staff/${member.id}/contracts/${contract.id}`, contract.version, {
      success: t('calendar.deleted'),
      focus: 'staff-contracts',
    });
  const form = (contract: StaffContract | null, close: () => void) => (
    <ContractForm
      key={contract?.id ?? 'new'}
      member={member}
      projects={projects.data ?? []}
      editing={contract}
      reload={reload}
      onDone={close}
    />
  );

  return (
    <TitledSection
      id="staff-contracts"
      title={t('calendar.staff.contractsOf', { name: member.name })}
      focusable
      className="border rounded p-3 mb-4"
    >
      <ProblemAlert error={projects.error} />
      {change.problem}
      <RecordTable<StaffContract>
        caption={t('calendar.staff.contractsCaption', { name: member.name })}
        captionHidden
        rows={member.contracts}
        rowName={(c) => formatDate(c.from)}
        empty={t('calendar.staff.noContracts')}
        columns={[
          { header: t('calendar.from'), cell: (c) => formatDate(c.from) },
          { header: t('calendar.to'), cell: (c) => (c.to ? formatDate(c.to) : t('calendar.staff.ongoing')) },
          { header: t('calendar.staff.weeklyHours'), cell: (c) => formatMinutes(c.weeklyMinutes), className: 'text-end' },
          { header: t('calendar.staff.description'), cell: (c) => c.description ?? '' },
          { header: t('calendar.staff.project'), cell: (c) => c.project?.name ?? '' },
        ]}
        actions={(c) => [
          { label: t('calendar.edit'), onClick: () => setEditing(c) },
          { label: t('calendar.delete'), danger: true, onClick: () => remove(c) },
        ]}
      />
      {editing ? (
        form(editing, () => {
          setEditing(null);
          focusLater('staff-contracts');
        })
      ) : (
        <EditableSection editLabel={t('calendar.staff.addContract')} form={(close) => form(null, close)} />
      )}
    </TitledSection>
  );
}

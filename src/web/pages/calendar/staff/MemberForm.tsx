/** A new staff member, or the one being corrected. */
import type { StaffMember } from '../../../../contracts/calendar.js';
import { STAFF_ROLES } from '../../../../contracts/enums.js';
import { useApiGet } from '../../../api/hooks.js';
import { SelectField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { AddOrCorrectForm } from '../../../kit/AddOrCorrectForm.js';
import { boundTo } from '../../../kit/bound.js';
import { Options, orNull, useChange, useFields } from '../../../kit/index.js';
import { saveRecord } from '../shared.js';

export function MemberForm({
  centreId,
  editing,
  reload,
  onDone,
}: {
  centreId: number;
  editing: StaffMember | null;
  reload(): void;
  onDone(): void;
}) {
  const { t, labels } = useI18n();
  const users = useApiGet<Array<{ id: number; displayName: string }>>('/operators');
  const change = useChange({ reload });
  const form = useFields({
    name: editing?.name ?? '',
    role: editing?.role ?? '',
    userId: editing?.user ? String(editing.user.id) : '',
    notes: editing?.notes ?? '',
  });
  const { values } = form;
  const bound = boundTo(form, change);
  const save = async () => {
    const fields = {
      name: values.name.trim(),
      role: values.role,
      userId: values.userId ? Number(values.userId) : null,
      notes: orNull(values.notes),
    };
    const sent = await saveRecord(change, '/staff', editing, fields, { created: { centreId }, success: t('calendar.saved') });
    if (sent.ok) onDone();
  };
  return (
    <AddOrCorrectForm
      change={change}
      onSubmit={save}
      correcting={editing !== null}
      addTitle={t('calendar.staff.add')}
      correctTitle={t('calendar.staff.editing', { name: editing?.name ?? '' })}
      titleAs="h2"
      submitLabel={t('calendar.staff.save')}
      onCancel={onDone}
    >
      <div className="row">
        <div className="col-lg-4">
          <TextField label={t('calendar.staff.name')} required maxLength={120} {...bound('name')} />
        </div>
        <div className="col-sm-6 col-lg-4">
          <SelectField label={t('calendar.staff.role')} required {...bound('role')}>
            <option value="">{t('common.choose')}</option>
            <Options values={STAFF_ROLES} labels={labels('staffRole')} />
          </SelectField>
        </div>
        <div className="col-sm-6 col-lg-4">
          <SelectField label={t('calendar.staff.user')} {...bound('userId')}>
            <option value="">{t('calendar.staff.noUser')}</option>
            {(users.data ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextField label={t('calendar.staff.notes')} maxLength={1000} {...bound('notes')} />
    </AddOrCorrectForm>
  );
}

/** A new staff member, or the one being corrected. */
import type { StaffMember } from '../../../../contracts/calendar.js';
import { STAFF_ROLES } from '../../../../contracts/enums.js';
import { useApiGet } from '../../../api/hooks.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { ChoiceSelect } from '../../../kit/FilterSelect.js';
import { orNull, ValueSelect } from '../../../kit/index.js';
import { CentreRecordForm, type CentreRecordFormProps, useCentreRecordForm } from '../shared.js';

export function MemberForm(props: CentreRecordFormProps<StaffMember>) {
  const { t } = useI18n();
  const { editing } = props;
  const users = useApiGet<Array<{ id: number; displayName: string }>>('/operators');
  const { values, change, bound, save } = useCentreRecordForm('/staff', props, {
    name: editing?.name ?? '',
    role: editing?.role ?? '',
    userId: editing?.user ? String(editing.user.id) : '',
    notes: editing?.notes ?? '',
  });
  const submit = () =>
    save({
      name: values.name.trim(),
      role: values.role,
      userId: values.userId ? Number(values.userId) : null,
      notes: orNull(values.notes),
    });
  return (
    <CentreRecordForm texts="calendar.staff" editing={editing} change={change} onSubmit={submit} onCancel={props.onDone}>
      <div className="row">
        <TextField column="col-lg-4" label={t('calendar.staff.name')} required maxLength={120} {...bound('name')} />
        <ValueSelect
          column="col-sm-6 col-lg-4"
          label={t('calendar.staff.role')}
          list="staffRole"
          values={STAFF_ROLES}
          choose
          {...bound('role')}
        />
        <ChoiceSelect
          column="col-sm-6 col-lg-4"
          label={t('calendar.staff.user')}
          blank={t('calendar.staff.noUser')}
          choices={(users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
          {...bound('userId')}
        />
      </div>
      <TextField label={t('calendar.staff.notes')} maxLength={1000} {...bound('notes')} />
    </CentreRecordForm>
  );
}

/** The household's name and notes, corrected on demand. */
import type { Household } from '../../../../contracts/households.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type OnDemandForm, orNull, RecordForm, useChange, useFields } from '../../../kit/index.js';
import { NotesField } from '../shared.js';

export function EditForm({ household, reload, onDone }: { household: Household } & OnDemandForm) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ name: household.name, notes: household.notes ?? '' });
  const bound = boundTo(form, change);
  const save = async () => {
    const body = { version: household.version, name: form.values.name.trim(), notes: orNull(form.values.notes) };
    const sent = await change.send('PATCH', `/households/${household.id}`, body, { success: t('households.saved') });
    if (sent.ok) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t('households.edit')}
      titleAs="h2"
      onCancel={onDone}
      autoFocus
      className="card card-body mb-4"
    >
      <TextField label={t('households.name')} required maxLength={200} {...bound('name')} />
      <NotesField {...bound('notes')} />
    </RecordForm>
  );
}

/**
 * A person's erasure request (GDPR art. 17) as decided: its date and reason, and the decision.
 * Granted, the file is erased with the request recorded (after a confirmation); refused, the
 * refusal and its reason are recorded and the file stays.
 */
import type { ErasureRequest } from '../../../contracts/privacy.js';
import { todayInRome } from '../../../domain/dates.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { orNull, RecordForm, useChange, useConfirm, useFields } from '../../kit/index.js';

export function ErasureRequestForm({
  person,
  onErased,
  onRefused,
  onCancel,
}: {
  person: { id: number; givenNames: string; familyNames: string };
  onErased(): void;
  onRefused(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const change = useChange();
  const confirm = useConfirm();
  const form = useFields({ requestedOn: todayInRome(), reason: '', outcome: 'erased', refusalReason: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const erasing = values.outcome === 'erased';

  const submit = async () => {
    if (erasing) {
      const question = t('erasure.confirm', { name: `${person.givenNames} ${person.familyNames}` });
      if (!(await confirm(question, { confirmLabel: t('erasure.submitErase'), danger: true }))) return;
    }
    const sent = await change.send<ErasureRequest>(
      'POST',
      `/people/${person.id}/erasure-requests`,
      {
        requestedOn: values.requestedOn,
        reason: values.reason,
        outcome: values.outcome,
        ...(erasing ? {} : { refusalReason: orNull(values.refusalReason) }),
      },
      // Said on the list the page goes back to, or here.
      { success: t(erasing ? 'people.deleted' : 'erasure.refused') },
    );
    if (!sent.ok) return;
    if (erasing) onErased();
    else onRefused();
  };

  return (
    <RecordForm
      change={change}
      onSubmit={submit}
      title={t('erasure.title')}
      titleAs="h2"
      submitLabel={t(erasing ? 'erasure.submitErase' : 'erasure.submitRefuse')}
      submitClass={erasing ? 'btn btn-danger' : 'btn btn-primary'}
      onCancel={onCancel}
      autoFocus
    >
      <p>{t('erasure.intro')}</p>
      <div className="row">
        <TextField
          column="col-sm-6 col-md-4"
          label={t('erasure.requestedOn')}
          type="date"
          max={todayInRome()}
          required
          {...bound('requestedOn')}
        />
        <SelectField column="col-sm-6 col-md-4" label={t('erasure.outcome')} required {...bound('outcome')}>
          <option value="erased">{t('erasure.outcome.erased')}</option>
          <option value="refused">{t('erasure.outcome.refused')}</option>
        </SelectField>
      </div>
      <TextAreaField label={t('erasure.reason')} hint={t('erasure.reasonHint')} rows={2} maxLength={1000} required {...bound('reason')} />
      {erasing ? null : <TextAreaField label={t('erasure.refusalReason')} rows={2} maxLength={1000} required {...bound('refusalReason')} />}
    </RecordForm>
  );
}

import { REMINDER_DELIVERIES } from '../../../contracts/enums.js';
import type { ReminderPreference } from '../../../contracts/reminders.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { LoadedSection, RecordForm, useChange, useFields } from '../../kit/index.js';

/** The form of the choice, made once the preference is loaded (its values start from it). */
function DeliveryForm({ preference, reload }: { preference: ReminderPreference; reload(): void }) {
  const { t, labels } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ delivery: preference.delivery as string }, preference.updatedAt);
  const bound = boundTo(form, change);
  const words = labels('reminderDelivery');
  // E-mail is offered only by a server that sends it (or kept while it is the saved choice).
  const choices = REMINDER_DELIVERIES.filter((value) => value !== 'email' || preference.emailAvailable || preference.delivery === 'email');
  const save = () => change.send('PUT', '/account/reminders', form.values, { success: t('account.reminders.saved') });
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      label={t('account.reminders.title')}
      submitLabel={t('account.reminders.save')}
      className="col-md-6"
    >
      <SelectField label={t('account.reminders.delivery')} {...bound('delivery')}>
        {choices.map((value) => (
          <option key={value} value={value}>
            {words[value]}
          </option>
        ))}
      </SelectField>
      <p className="form-text">
        {preference.emailAvailable ? t('account.reminders.emailTo', { email: preference.email }) : t('account.reminders.emailUnavailable')}
      </p>
    </RecordForm>
  );
}

/** "Promemoria giornalieri": off, in the app, or in the app and by e-mail. */
export function RemindersSection() {
  const { t } = useI18n();
  const preference = useApiGet<ReminderPreference>('/account/reminders');
  return (
    <LoadedSection id="reminders-heading" title={t('account.reminders.title')} loaded={preference} className="mt-5">
      {(data) => (
        <>
          <p>{t('account.reminders.intro')}</p>
          <DeliveryForm preference={data} reload={preference.reload} />
        </>
      )}
    </LoadedSection>
  );
}

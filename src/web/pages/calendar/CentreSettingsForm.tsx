import { type FormEvent, useState } from 'react';
import type { CentreSettings } from '../../../contracts/calendar.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';

function SettingsFields({ settings, onSaved }: { settings: CentreSettings; onSaved(message: string): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    patronDay: settings.patronDay ?? '',
    address: settings.address ?? '',
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    completionThreshold: String(settings.completionThreshold),
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api('PATCH', '/calendar/settings', {
        centreId: settings.centreId,
        version: settings.version,
        patronDay: values.patronDay.trim() || null,
        address: values.address.trim() || null,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        completionThreshold: Number(values.completionThreshold),
      });
      onSaved(t('calendar.saved'));
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.settings.patronDay')}
            placeholder="09-22"
            maxLength={5}
            hint={t('calendar.settings.patronDayHint')}
            value={values.patronDay}
            error={fieldErrors.patronDay}
            onChange={set('patronDay')}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.settings.threshold')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            required
            hint={t('calendar.settings.thresholdHint')}
            value={values.completionThreshold}
            error={fieldErrors.completionThreshold}
            onChange={set('completionThreshold')}
          />
        </div>
      </div>
      <p className="small">{t('calendar.settings.contactsHint')}</p>
      <div className="row">
        <div className="col-lg-6">
          <TextField
            label={t('calendar.settings.address')}
            maxLength={300}
            autoComplete="street-address"
            value={values.address}
            error={fieldErrors.address}
            onChange={set('address')}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.settings.phone')}
            type="tel"
            maxLength={40}
            value={values.phone}
            error={fieldErrors.phone}
            onChange={set('phone')}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.settings.email')}
            type="email"
            maxLength={200}
            value={values.email}
            error={fieldErrors.email}
            onChange={set('email')}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('calendar.settings.save')}
      </button>
    </form>
  );
}

/** The centre's patron day, contacts and course completion threshold. */
export function CentreSettingsForm({ centreId, onChanged }: { centreId: number; onChanged(): void }) {
  const { t } = useI18n();
  const settings = useApiGet<CentreSettings>('/calendar/settings', { centreId });
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="mb-5" aria-labelledby="calendar-settings">
      <h2 id="calendar-settings" className="h4">
        {t('calendar.settings.title')}
      </h2>
      <SuccessAlert message={notice} />
      <ProblemAlert error={settings.error} />
      {settings.data ? (
        <SettingsFields
          key={settings.data.version}
          settings={settings.data}
          onSaved={(message) => {
            setNotice(message);
            settings.reload();
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

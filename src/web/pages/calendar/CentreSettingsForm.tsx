import type { CentreSettings } from '../../../contracts/calendar.js';
import { NumberField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { orNull, RecordForm, useChange, useFields } from '../../kit/index.js';
import { LoadedSection } from '../../kit/LoadedSection.js';
import { useCalendarRecords } from './shared.js';

function SettingsFields({ settings, reload }: { settings: CentreSettings; reload(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({
    patronDay: settings.patronDay ?? '',
    address: settings.address ?? '',
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    completionThreshold: String(settings.completionThreshold),
  });
  const { values } = form;
  const bound = boundTo(form, change);
  const save = () =>
    change.send(
      'PATCH',
      '/calendar/settings',
      {
        centreId: settings.centreId,
        version: settings.version,
        patronDay: orNull(values.patronDay),
        address: orNull(values.address),
        phone: orNull(values.phone),
        email: orNull(values.email),
        completionThreshold: Number(values.completionThreshold),
      },
      { success: t('calendar.saved') },
    );

  return (
    <RecordForm change={change} onSubmit={save} label={t('calendar.settings.title')} submitLabel={t('calendar.settings.save')} className="">
      <div className="row">
        <TextField
          column="col-sm-6 col-lg-3"
          label={t('calendar.settings.patronDay')}
          placeholder="09-22"
          maxLength={5}
          hint={t('calendar.settings.patronDayHint')}
          {...bound('patronDay')}
        />
        <NumberField
          column="col-sm-6 col-lg-3"
          label={t('calendar.settings.threshold')}
          min={1}
          max={100}
          required
          hint={t('calendar.settings.thresholdHint')}
          {...bound('completionThreshold')}
        />
      </div>
      <p className="small">{t('calendar.settings.contactsHint')}</p>
      <div className="row">
        <TextField
          column="col-lg-6"
          label={t('calendar.settings.address')}
          maxLength={300}
          autoComplete="street-address"
          {...bound('address')}
        />
        <TextField column="col-sm-6 col-lg-3" label={t('calendar.settings.phone')} type="tel" maxLength={40} {...bound('phone')} />
        <TextField column="col-sm-6 col-lg-3" label={t('calendar.settings.email')} type="email" maxLength={200} {...bound('email')} />
      </div>
    </RecordForm>
  );
}

/** The centre's patron day, contacts and course completion threshold. */
export function CentreSettingsForm({ centreId, onChanged }: { centreId: number; onChanged(): void }) {
  const { t } = useI18n();
  const settings = useCalendarRecords<CentreSettings>('/calendar/settings', { centreId }, onChanged);
  return (
    <LoadedSection id="calendar-settings" title={t('calendar.settings.title')} loaded={settings} className="mb-5">
      {(data) => <SettingsFields key={data.version} settings={data} reload={settings.reload} />}
    </LoadedSection>
  );
}

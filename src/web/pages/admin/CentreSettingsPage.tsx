/**
 * Impostazioni del centro: the centre's name, comune, contacts, patron day, course completion
 * threshold and privacy notice version, one resource (GET/PATCH /centres/:id/settings), for an
 * administrator or the centre's coordinator. Shown as facts, edited in place; a stale version
 * offers to reload. Below, the logo on the report's cover (CentreLogoSection).
 */
import type { Me } from '../../../contracts/auth.js';
import type { CentreSettings } from '../../../contracts/centres.js';
import { api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ComuneSearch } from '../../components/ComuneSearch.js';
import { NumberField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { EditableSection, Facts, LoadedSection, type OnDemandForm, orNull, RecordForm, useChange, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { useCentreChoice } from '../calendar/shared.js';
import { NoticeVersionField } from '../privacy/NoticeVersionField.js';
import { CentreContactField } from './CentreContactField.js';
import { CentreLogoSection } from './CentreLogoSection.js';

const comuneText = (s: { comuneName: string | null; comuneProvince: string | null }) =>
  s.comuneName ? `${s.comuneName} (${s.comuneProvince})` : '';

function SettingsForm({ settings, reload, onDone }: { settings: CentreSettings } & OnDemandForm) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const change = useChange({ reload });
  const form = useFields({
    name: settings.name,
    comuneIstat: settings.comuneIstat ?? '',
    comuneText: comuneText(settings),
    address: settings.address ?? '',
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    patronDay: settings.patronDay ?? '',
    completionThreshold: String(settings.completionThreshold),
    privacyNoticeVersion: settings.privacyNoticeVersion,
  });
  const { values } = form;
  const bound = boundTo(form, change);
  const save = async () => {
    const sent = await change.send(
      'PATCH',
      `/centres/${settings.id}/settings`,
      {
        version: settings.version,
        name: values.name,
        comuneIstat: orNull(values.comuneIstat),
        address: orNull(values.address),
        phone: orNull(values.phone),
        email: orNull(values.email),
        patronDay: orNull(values.patronDay),
        completionThreshold: Number(values.completionThreshold),
        privacyNoticeVersion: values.privacyNoticeVersion,
      },
      { success: t('centres.saved') },
    );
    if (!sent.ok) return;
    onDone();
    // The menu's centre choice names centres: a new name shows at once.
    if (values.name !== settings.name) setMe(await api<Me>('GET', '/auth/me'));
  };
  const comuneError = change.fieldErrors.comuneIstat;
  return (
    <RecordForm change={change} onSubmit={save} label={t('centres.edit')} submitLabel={t('centres.save')} onCancel={onDone} autoFocus>
      <div className="row">
        <TextField column="col-md-8" label={t('centres.name')} maxLength={200} required {...bound('name')} />
      </div>
      <div className="mb-3">
        <ComuneSearch
          id="centre-comune-search"
          label={t('centres.comune')}
          hint={t('centres.comuneHint')}
          initialText={values.comuneText}
          onSelect={(c) => form.set({ comuneIstat: c.istat, comuneText: `${c.name} (${c.province})` })}
        />
        {values.comuneIstat ? (
          <p className="small mb-0 d-flex gap-3 align-items-center flex-wrap">
            <span>{t('centres.comuneChosen', { comune: values.comuneText })}</span>
            <button type="button" className="btn btn-link btn-sm p-0" onClick={() => form.set({ comuneIstat: '', comuneText: '' })}>
              {t('centres.comuneClear')}
            </button>
          </p>
        ) : null}
        {comuneError ? (
          <div className="invalid-feedback d-block" role="alert">
            {comuneError}
          </div>
        ) : null}
      </div>
      <div className="row">
        <CentreContactField contact="address" column="col-lg-6" {...bound('address')} />
        <CentreContactField contact="phone" column="col-sm-6 col-lg-3" {...bound('phone')} />
        <CentreContactField contact="email" column="col-sm-6 col-lg-3" {...bound('email')} />
      </div>
      <div className="row">
        <TextField
          column="col-sm-6 col-lg-3"
          label={t('centres.patronDay')}
          placeholder="09-22"
          maxLength={5}
          hint={t('centres.patronDayHint')}
          {...bound('patronDay')}
        />
        <NumberField
          column="col-sm-6 col-lg-3"
          label={t('centres.threshold')}
          min={1}
          max={100}
          required
          hint={t('centres.thresholdHint')}
          {...bound('completionThreshold')}
        />
        <NoticeVersionField
          column="col-lg-6"
          label={t('centres.privacyNoticeVersion')}
          hint={t('centres.privacyNoticeVersionHint')}
          {...bound('privacyNoticeVersion')}
        />
      </div>
    </RecordForm>
  );
}

function SettingsFacts({ settings }: { settings: CentreSettings }) {
  const { t } = useI18n();
  const or = (value: string | null) => value ?? t('centres.notSet');
  return (
    <>
      {settings.comuneIstat ? null : (
        <div className="alert alert-warning" role="status">
          {t('centres.noComuneWarning')}
        </div>
      )}
      <Facts
        testId="centre-settings"
        facts={[
          [t('centres.name'), settings.name],
          [t('centres.code'), settings.code],
          [t('centres.comune'), settings.comuneName ? comuneText(settings) : t('centres.noComune')],
          [t('centres.address'), or(settings.address)],
          [t('centres.phone'), or(settings.phone)],
          [t('centres.email'), or(settings.email)],
          [t('centres.patronDay'), or(settings.patronDay)],
          [t('centres.threshold'), `${settings.completionThreshold}%`],
          [t('centres.privacyNoticeVersion'), settings.privacyNoticeVersion],
        ]}
      />
    </>
  );
}

function CentreSettingsSection({ centreId }: { centreId: number }) {
  const { t } = useI18n();
  const settings = useApiGet<CentreSettings>(`/centres/${centreId}/settings`);
  return (
    <>
      <LoadedSection id="centre-settings-title" title={t('centres.section')} loaded={settings}>
        {(data) => (
          <EditableSection
            key={data.version}
            editLabel={t('centres.edit')}
            form={(close) => <SettingsForm settings={data} reload={settings.reload} onDone={close} />}
          >
            <SettingsFacts settings={data} />
          </EditableSection>
        )}
      </LoadedSection>
      {settings.data ? <CentreLogoSection settings={settings.data} reload={settings.reload} /> : null}
    </>
  );
}

export default function CentreSettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('centres.title'));
  const { centreId, select } = useCentreChoice();
  return (
    <>
      <h1 className="h2">{t('centres.title')}</h1>
      <p>{t('centres.intro')}</p>
      {select}
      {centreId ? <CentreSettingsSection key={centreId} centreId={centreId} /> : null}
    </>
  );
}

import { useState } from 'react';
import type { Me, SecondFactorSetup, SecondFactorStatus } from '../../../contracts/auth.js';
import { api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CurrentPasswordField, VerificationCodeField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { RecordForm, RecordsHeading, useChange, useFields } from '../../kit/index.js';
import { useSession } from '../../session.js';

/** The seed as people type it into an app: groups of four letters. */
const inGroupsOfFour = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The recovery codes, shown once with the warning to keep them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning" role="alert">
      <h3 className="h6">{t('account.secondFactor.recoveryTitle')}</h3>
      <p>{t('account.secondFactor.recoveryWarning')}</p>
      <ol className="font-monospace">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className="btn btn-primary btn-sm" onClick={onDone}>
        {t('account.secondFactor.recoveryDone')}
      </button>
    </div>
  );
}

/**
 * "Verifica in due passaggi": set up (QR code and key, confirmed with a code; then the recovery
 * codes, once), or turn off with the password and a code unless the organisation requires it.
 */
export function SecondFactorSection() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const status = useApiGet<SecondFactorStatus>('/auth/second-factor');
  const change = useChange({ reload: status.reload });
  const [setup, setSetup] = useState<SecondFactorSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const enableForm = useFields({ password: '', code: '' });
  const disableForm = useFields({ password: '', code: '' });
  const boundEnable = boundTo(enableForm, change);
  const boundDisable = boundTo(disableForm, change);

  // /auth/me tells the app whether the user must still set it up (until then it brings them here).
  const refreshMe = async () => setMe(await api<Me>('GET', '/auth/me'));

  const start = async () => {
    setDone(null);
    const sent = await change.send<SecondFactorSetup>('POST', '/auth/second-factor/setup');
    if (sent.ok) setSetup(sent.data);
  };
  const enable = async () => {
    const sent = await change.send<{ recoveryCodes: string[] }>('POST', '/auth/second-factor/enable', enableForm.values, {
      success: t('account.secondFactor.enabled'),
    });
    if (!sent.ok) return;
    setSetup(null);
    enableForm.reset();
    setRecoveryCodes(sent.data.recoveryCodes);
    await refreshMe();
  };
  const cancel = () => {
    setSetup(null);
    enableForm.reset();
    change.reset();
  };
  const disable = async () => {
    setDone(null);
    const sent = await change.send('DELETE', '/auth/second-factor', disableForm.values);
    if (!sent.ok) return;
    disableForm.reset();
    setDone(t('account.secondFactor.turnedOff'));
    await refreshMe();
  };

  const state = status.data;
  return (
    <section aria-labelledby="second-factor-heading" className="mt-5">
      <RecordsHeading id="second-factor-heading" level={2} texts="account.secondFactor" notice={done} error={status.error} />
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} /> : null}
      {!state ? null : state.state === 'on' ? (
        <>
          <p>{t('account.secondFactor.on', { count: state.recoveryCodesLeft })}</p>
          {state.requiredForRole ? (
            <p>{t('account.secondFactor.mandatory')}</p>
          ) : (
            <RecordForm
              change={change}
              onSubmit={disable}
              title={t('account.secondFactor.turnOff')}
              submitLabel={t('account.secondFactor.turnOff')}
              submitClass="btn btn-outline-danger"
              className="border rounded p-3 mb-3 col-md-6"
            >
              <p>{t('account.secondFactor.turnOffHint')}</p>
              <CurrentPasswordField label={t('account.secondFactor.password')} {...boundDisable('password')} />
              <VerificationCodeField label={t('account.secondFactor.code')} {...boundDisable('code')} />
            </RecordForm>
          )}
        </>
      ) : setup ? (
        <RecordForm
          change={change}
          onSubmit={enable}
          title={t('account.secondFactor.setUp')}
          submitLabel={t('account.secondFactor.confirm')}
          onCancel={cancel}
          className="border rounded p-3 mb-3 col-md-8"
        >
          <p>{t('account.secondFactor.scan')}</p>
          <img src={setup.qrCode} alt={t('account.secondFactor.qrAlt')} width={200} height={200} className="d-block mb-3" />
          <p>
            {t('account.secondFactor.secret')}: <code className="fs-6">{inGroupsOfFour(setup.secret)}</code>
          </p>
          <CurrentPasswordField label={t('account.secondFactor.password')} {...boundEnable('password')} />
          <VerificationCodeField label={t('account.secondFactor.code')} {...boundEnable('code')} />
        </RecordForm>
      ) : (
        <>
          {state.state === 'required' ? (
            <div className="alert alert-warning" role="status">
              {t('account.secondFactor.required')}
            </div>
          ) : (
            <p>{t('account.secondFactor.off')}</p>
          )}
          {change.problem}
          <button type="button" className="btn btn-primary" aria-disabled={change.busy || undefined} onClick={start}>
            {t('account.secondFactor.setUp')}
          </button>
        </>
      )}
    </section>
  );
}

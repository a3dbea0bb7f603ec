import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { Me, SignInOptions } from '../../contracts/auth.js';
import { ERROR_CODES, type ErrorCode } from '../../contracts/errors.js';
import { ApiError } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { CurrentPasswordField, TextField, VerificationCodeField } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { TitledSection, useChange } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export function LoginPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const change = useChange();
  const setup = useApiGet<{ needed: boolean }>('/setup');
  const options = useApiGet<SignInOptions>('/auth/sign-in-options');
  // Shown once the password was right and the account asks for its second factor.
  const [needsCode, setNeedsCode] = useState(false);
  usePageTitle(t('login.title'));

  const next = params.get('next');
  const returnTo = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me) return <Navigate to={returnTo} replace />;
  // A sign-in through the identity provider that was refused comes back here with its code.
  const ssoCode = params.get('sso');
  const ssoError = ssoCode && (ERROR_CODES as readonly string[]).includes(ssoCode) ? new ApiError(0, ssoCode as ErrorCode) : null;
  const sso = options.data?.sso;
  const passwordsOff = options.data?.passwordSignIn === 'break_glass';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get('code') ?? '').trim();
    const sent = await change.send<Me>('POST', '/auth/login', {
      email: form.get('email'),
      password: form.get('password'),
      ...(code && { code }),
    });
    if (sent.ok) setMe(sent.data);
    else if (sent.error?.code === 'auth.second_factor_required') setNeedsCode(true);
  };

  const passwordForm = (
    <>
      {change.problem}
      <form onSubmit={submit} noValidate aria-busy={change.busy || undefined}>
        <TextField
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          error={change.fieldErrors.email}
        />
        <CurrentPasswordField label={t('login.password')} name="password" error={change.fieldErrors.password} />
        {needsCode ? (
          <VerificationCodeField
            withRecovery
            label={t('login.code')}
            name="code"
            autoFocus
            hint={t('login.codeHint')}
            error={change.fieldErrors.code}
          />
        ) : null}
        <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
          {t('login.submit')}
        </button>
      </form>
    </>
  );

  return (
    <div className="row justify-content-center">
      <div className="col-md-6 col-lg-5">
        <h1 className="h2 mb-4">{t('login.title')}</h1>
        {params.get('loggedOut') ? (
          <div className="alert alert-info" role="status">
            {t('login.loggedOut')}
          </div>
        ) : null}
        {setup.data?.needed ? (
          <div className="alert alert-warning" role="status">
            {t('login.setupNeeded')}
          </div>
        ) : null}
        <ProblemAlert error={ssoError} />
        {sso ? (
          <TitledSection id="login-sso" title={sso.buttonLabel ?? t('login.sso')} headingClass="visually-hidden" className="mb-4">
            <p>{t('login.ssoIntro')}</p>
            <a className="btn btn-primary" href={`/api/v1/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`}>
              {sso.buttonLabel ?? t('login.sso')}
            </a>
          </TitledSection>
        ) : null}
        {passwordsOff ? (
          <details>
            <summary>{t('login.breakGlass')}</summary>
            <p className="form-text">{t('login.breakGlassHint')}</p>
            {passwordForm}
          </details>
        ) : (
          <>
            {sso ? <p className="text-muted">{t('login.or')}</p> : null}
            {passwordForm}
          </>
        )}
      </div>
    </div>
  );
}

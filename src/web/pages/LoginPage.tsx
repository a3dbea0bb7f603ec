import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { Me } from '../../contracts/auth.js';
import { useApiGet } from '../api/hooks.js';
import { CurrentPasswordField, TextField, VerificationCodeField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';
import { useChange } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export function LoginPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const change = useChange();
  const setup = useApiGet<{ needed: boolean }>('/setup');
  // Shown once the password was right and the account asks for its second factor.
  const [needsCode, setNeedsCode] = useState(false);
  usePageTitle(t('login.title'));

  if (me) {
    const next = params.get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }

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
      </div>
    </div>
  );
}

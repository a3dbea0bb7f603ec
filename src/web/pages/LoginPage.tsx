import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { Me } from '../../contracts/auth.js';
import { type ApiError, api } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { TextField } from '../components/fields.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export function LoginPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const setup = useApiGet<{ needed: boolean }>('/setup');
  usePageTitle(t('login.title'));

  if (me) {
    const next = params.get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      setMe(await api<Me>('POST', '/auth/login', { email: form.get('email'), password: form.get('password') }));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
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
        <ProblemAlert error={error} />
        <form onSubmit={submit} noValidate={false}>
          <TextField label={t('login.email')} name="email" type="email" autoComplete="username" required autoFocus />
          <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" required />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('login.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

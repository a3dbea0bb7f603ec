import type { FormEvent } from 'react';
import { Navigate } from 'react-router';
import type { Me } from '../../contracts/auth.js';
import { NewPasswordField, TextField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';
import { FormActions, useChange } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

/** First run: the token comes in the URL fragment, which browsers never send to servers or logs. */
export default function SetupPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const change = useChange();
  const { fieldErrors } = change;
  const token = window.location.hash.replace(/^#/, '');
  usePageTitle(t('setup.title'));
  if (me) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const sent = await change.send<Me>('POST', '/setup', { token, ...form });
    if (!sent.ok) return;
    window.history.replaceState(null, '', '/');
    setMe(sent.data);
  };

  return (
    <div className="row justify-content-center">
      <div className="col-lg-7">
        <h1 className="h2 mb-3">{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        {!token ? (
          <div className="alert alert-warning" role="alert">
            {t('setup.noToken')}
          </div>
        ) : (
          <form onSubmit={submit} noValidate aria-busy={change.busy || undefined}>
            {change.problem}
            <TextField label={t('setup.organisationName')} name="organisationName" required error={fieldErrors.organisationName} />
            <div className="row">
              <TextField
                column="col-md-4"
                label={t('setup.centreCode')}
                name="centreCode"
                required
                pattern="[A-Za-z0-9_\-]{2,32}"
                error={fieldErrors.centreCode}
              />
              <TextField column="col-md-8" label={t('setup.centreName')} name="centreName" required error={fieldErrors.centreName} />
            </div>
            <TextField label={t('setup.displayName')} name="displayName" required autoComplete="name" error={fieldErrors.displayName} />
            <TextField label={t('login.email')} name="email" type="email" required autoComplete="username" error={fieldErrors.email} />
            <NewPasswordField label={t('login.password')} name="password" error={fieldErrors.password} />
            <FormActions busy={change.busy} submitLabel={t('setup.submit')} />
          </form>
        )}
      </div>
    </div>
  );
}

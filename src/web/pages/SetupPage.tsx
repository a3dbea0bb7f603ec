import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import type { Me } from '../../contracts/auth.js';
import { ComuneSearch } from '../components/ComuneSearch.js';
import { NewPasswordField, TextField } from '../components/fields.js';
import { useI18n } from '../i18n/index.js';
import { FormActions, useChange } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { CentreContactField } from './admin/CentreContactField.js';

/** First run: the token comes in the URL fragment, which browsers never send to servers or logs. */
export default function SetupPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const change = useChange();
  const { fieldErrors } = change;
  const token = window.location.hash.replace(/^#/, '');
  // The centre's comune, chosen from the ISTAT list (a frazione chooses its comune): required here.
  const [comune, setComune] = useState<{ istat: string; text: string } | null>(null);
  const [comuneMissing, setComuneMissing] = useState(false);
  usePageTitle(t('setup.title'));
  if (me) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!comune) {
      setComuneMissing(true);
      document.getElementById('setup-comune-search')?.focus();
      return;
    }
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const place = Object.fromEntries(
      (['centreAddress', 'centrePhone', 'centreEmail'] as const).map((key) => [key, String(form[key] ?? '').trim() || null]),
    );
    const sent = await change.send<Me>('POST', '/setup', { token, ...form, ...place, centreComuneIstat: comune.istat });
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
            <div className="mb-3">
              <ComuneSearch
                id="setup-comune-search"
                label={`${t('centres.setup.comune')} *`}
                initialText={comune?.text ?? ''}
                searchPath="/setup/comuni"
                hint={t('centres.comuneHint')}
                onSelect={(c) => {
                  setComune({ istat: c.istat, text: `${c.name} (${c.province})` });
                  setComuneMissing(false);
                }}
              />
              {comuneMissing || fieldErrors.centreComuneIstat ? (
                <div className="invalid-feedback d-block" role="alert">
                  {comuneMissing ? t('centres.setup.comuneRequired') : fieldErrors.centreComuneIstat}
                </div>
              ) : null}
            </div>
            <div className="row">
              <CentreContactField contact="address" column="col-md-6" name="centreAddress" error={fieldErrors.centreAddress} />
              <CentreContactField contact="phone" column="col-md-6" name="centrePhone" error={fieldErrors.centrePhone} />
            </div>
            <CentreContactField contact="email" name="centreEmail" hint={t('centres.setup.contactsHint')} error={fieldErrors.centreEmail} />
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

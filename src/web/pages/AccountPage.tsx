import { type FormEvent, useState } from 'react';
import { ROLE_LABELS } from '../../contracts/labels.js';
import { type ApiError, api } from '../api/client.js';
import { TextField } from '../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';

export default function AccountPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(t('account.title'));

  const change = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement));
    try {
      await api('POST', '/auth/password', form);
      formElement.reset();
      setError(null);
      setFieldErrors({});
      setDone(t('account.passwordChanged'));
    } catch (e) {
      setDone(null);
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  return (
    <>
      <h1 className="h2">{t('account.title')}</h1>
      {me ? (
        <dl className="row">
          <dt className="col-sm-3">{t('users.displayName')}</dt>
          <dd className="col-sm-9">{me.displayName}</dd>
          <dt className="col-sm-3">{t('users.email')}</dt>
          <dd className="col-sm-9">{me.email}</dd>
          <dt className="col-sm-3">{t('users.role')}</dt>
          <dd className="col-sm-9">{ROLE_LABELS[locale][me.role]}</dd>
          <dt className="col-sm-3">{t('users.centres')}</dt>
          <dd className="col-sm-9">{me.centres.map((c) => c.name).join(', ')}</dd>
        </dl>
      ) : null}
      <h2 className="h4 mt-4">{t('account.changePassword')}</h2>
      <SuccessAlert message={done} />
      <ProblemAlert error={error} />
      <form onSubmit={change} className="col-md-6">
        <TextField
          label={t('account.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.currentPassword}
        />
        <TextField
          label={t('account.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          hint={t('setup.passwordHint')}
          error={fieldErrors.newPassword}
        />
        <button type="submit" className="btn btn-primary">
          {t('account.changePassword')}
        </button>
      </form>
    </>
  );
}

import { useState } from 'react';
import { CurrentPasswordField, NewPasswordField } from '../components/fields.js';
import { SuccessAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { boundTo } from '../kit/bound.js';
import { RecordForm, useChange, useFields } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { RemindersSection } from './account/RemindersSection.js';
import { SecondFactorSection } from './account/SecondFactorSection.js';
import { SessionsSection } from './account/SessionsSection.js';

/** "Cambia password": the current one and the new one; the other sessions are closed. */
function PasswordForm() {
  const { t } = useI18n();
  const change = useChange();
  const form = useFields({ currentPassword: '', newPassword: '' });
  const bound = boundTo(form, change);
  const [done, setDone] = useState<string | null>(null);
  const submit = async () => {
    setDone(null);
    const sent = await change.send('POST', '/auth/password', form.values);
    if (sent.ok) {
      form.reset();
      setDone(t('account.passwordChanged'));
    }
  };
  return (
    <>
      <h2 className="h4 mt-4">{t('account.changePassword')}</h2>
      <SuccessAlert message={done} />
      <RecordForm
        change={change}
        onSubmit={submit}
        label={t('account.changePassword')}
        submitLabel={t('account.changePassword')}
        className="col-md-6"
      >
        <CurrentPasswordField label={t('account.currentPassword')} {...bound('currentPassword')} />
        <NewPasswordField label={t('account.newPassword')} {...bound('newPassword')} />
      </RecordForm>
    </>
  );
}

/** "Il mio account": who I am, the password change, the second factor, my open sessions and, for the staff, the daily reminders. */
export default function AccountPage() {
  const { t, label } = useI18n();
  const { me, can } = useSession();
  usePageTitle(t('account.title'));
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
          <dd className="col-sm-9">{label('role', me.role)}</dd>
          <dt className="col-sm-3">{t('users.centres')}</dt>
          <dd className="col-sm-9">{me.centres.map((c) => c.name).join(', ')}</dd>
        </dl>
      ) : null}
      <PasswordForm />
      <SecondFactorSection />
      <SessionsSection />
      {can('personal.read') ? <RemindersSection /> : null}
    </>
  );
}

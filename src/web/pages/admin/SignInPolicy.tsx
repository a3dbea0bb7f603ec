import { useState } from 'react';
import type { SignInPolicy, User } from '../../../contracts/auth.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField } from '../../components/fields.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { RecordForm, useChange } from '../../kit/index.js';

type PolicyInput = Omit<SignInPolicy, 'ssoConfigured'>;

/**
 * "Accesso con l'identità del Comune": whether signing in creates accounts, and whether passwords
 * still work for everyone or only for the break-glass administrator (chosen among the active
 * administrators with a password: the server checks it).
 */
export function SignInPolicyForm({ users }: { users: User[] }) {
  const { t } = useI18n();
  const policy = useApiGet<SignInPolicy>('/organisation/sign-in');
  const change = useChange({ reload: policy.reload });
  // Null until someone changes a field: then the edited policy, else the saved one.
  const [edited, setEdited] = useState<PolicyInput | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!policy.data) return null;
  const { ssoConfigured, ...saved } = policy.data;
  const values = edited ?? saved;
  const set = (patch: Partial<PolicyInput>) => setEdited({ ...values, ...patch });
  const admins = users.filter((user) => user.role === 'admin' && user.active);

  const save = async () => {
    setDone(null);
    const sent = await change.send('PUT', '/organisation/sign-in', values);
    if (sent.ok) {
      setEdited(null);
      setDone(t('users.signIn.saved'));
    }
  };

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t('users.signIn.title')}
      titleAs="h2"
      submitLabel={t('users.signIn.save')}
      className="border rounded p-3 mt-4"
    >
      <p>{ssoConfigured ? t('users.signIn.configured') : t('users.signIn.notConfigured')}</p>
      <SuccessAlert message={done} />
      <div className="form-check mb-3">
        <input
          id="sign-in-creates-accounts"
          type="checkbox"
          checked={values.ssoCreatesAccounts}
          onChange={(event) => set({ ssoCreatesAccounts: event.target.checked })}
        />
        <label htmlFor="sign-in-creates-accounts">{t('users.signIn.createsAccounts')}</label>
      </div>
      <fieldset className="mb-3">
        <legend className="form-label h6">{t('users.signIn.passwords')}</legend>
        {(['everyone', 'break_glass'] as const).map((choice) => (
          <div className="form-check" key={choice}>
            <input
              id={`password-sign-in-${choice}`}
              type="radio"
              name="passwordSignIn"
              checked={values.passwordSignIn === choice}
              onChange={() => set({ passwordSignIn: choice })}
            />
            <label htmlFor={`password-sign-in-${choice}`}>
              {choice === 'everyone' ? t('users.signIn.everyone') : t('users.signIn.breakGlassOnly')}
            </label>
          </div>
        ))}
      </fieldset>
      <SelectField
        label={t('users.signIn.breakGlassUser')}
        name="breakGlassUserId"
        hint={t('users.signIn.breakGlassHint')}
        value={values.breakGlassUserId ?? ''}
        onChange={(event) => set({ breakGlassUserId: event.target.value ? Number(event.target.value) : null })}
        error={change.fieldErrors.breakGlassUserId}
      >
        <option value="">{t('users.signIn.none')}</option>
        {admins.map((user) => (
          <option key={user.id} value={user.id}>
            {user.displayName} ({user.email})
          </option>
        ))}
      </SelectField>
    </RecordForm>
  );
}

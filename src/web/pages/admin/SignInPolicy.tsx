import type { SignInPolicy, User } from '../../../contracts/auth.js';
import { SelectField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { PolicyForm } from '../../kit/PolicyForm.js';

type PolicyInput = Omit<SignInPolicy, 'ssoConfigured'>;

/**
 * "Accesso con l'identità del Comune": whether signing in creates accounts, and whether passwords
 * still work for everyone or only for the break-glass administrator (chosen among the active
 * administrators with a password: the server checks it).
 */
export function SignInPolicyForm({ users }: { users: User[] }) {
  const { t } = useI18n();
  const admins = users.filter((user) => user.role === 'admin' && user.active);
  return (
    <PolicyForm<SignInPolicy, PolicyInput>
      path="/organisation/sign-in"
      texts="users.signIn"
      intro={({ ssoConfigured }) => <p>{ssoConfigured ? t('users.signIn.configured') : t('users.signIn.notConfigured')}</p>}
      editable={({ ssoConfigured, ...input }) => input}
    >
      {({ values, set, change }) => (
        <>
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
        </>
      )}
    </PolicyForm>
  );
}

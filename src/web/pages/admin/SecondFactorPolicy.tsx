import { SECOND_FACTOR_ROLES, type SecondFactorPolicy } from '../../../contracts/auth.js';
import { useI18n } from '../../i18n/index.js';
import { PolicyForm } from '../../kit/PolicyForm.js';

type Role = SecondFactorPolicy['roles'][number];

/** "Verifica in due passaggi obbligatoria": the roles of the organisation that must use a second factor. */
export function SecondFactorPolicyForm() {
  const { t, label } = useI18n();
  return (
    <PolicyForm<SecondFactorPolicy>
      path="/organisation/second-factor"
      texts="users.secondFactorPolicy"
      intro={() => <p>{t('users.secondFactorPolicy.intro')}</p>}
    >
      {({ values: { roles }, set }) => {
        const toggle = (role: Role) => set({ roles: roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role] });
        return (
          <fieldset className="mb-3">
            <legend className="form-label h6">{t('users.secondFactorPolicy.roles')}</legend>
            {SECOND_FACTOR_ROLES.map((role) => (
              <div className="form-check" key={role}>
                <input id={`second-factor-${role}`} type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} />
                <label htmlFor={`second-factor-${role}`}>{label('role', role)}</label>
              </div>
            ))}
          </fieldset>
        );
      }}
    </PolicyForm>
  );
}

import { useState } from 'react';
import { SECOND_FACTOR_ROLES, type SecondFactorPolicy } from '../../../contracts/auth.js';
import { useApiGet } from '../../api/hooks.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { RecordForm, useChange } from '../../kit/index.js';

/** "Verifica in due passaggi obbligatoria": the roles of the organisation that must use a second factor. */
export function SecondFactorPolicyForm() {
  const { t, label } = useI18n();
  const policy = useApiGet<SecondFactorPolicy>('/organisation/second-factor');
  const change = useChange({ reload: policy.reload });
  // Null until someone ticks a box: then the ticked roles, else the saved ones.
  const [ticked, setTicked] = useState<SecondFactorPolicy['roles'] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const roles = ticked ?? policy.data?.roles ?? [];
  const toggle = (role: SecondFactorPolicy['roles'][number]) =>
    setTicked(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role]);

  const save = async () => {
    setDone(null);
    const sent = await change.send('PUT', '/organisation/second-factor', { roles });
    if (sent.ok) {
      setTicked(null);
      setDone(t('users.secondFactorPolicy.saved'));
    }
  };

  if (!policy.data) return null;
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t('users.secondFactorPolicy.title')}
      titleAs="h2"
      submitLabel={t('users.secondFactorPolicy.save')}
      className="border rounded p-3 mt-4"
    >
      <p>{t('users.secondFactorPolicy.intro')}</p>
      <SuccessAlert message={done} />
      <fieldset className="mb-3">
        <legend className="form-label h6">{t('users.secondFactorPolicy.roles')}</legend>
        {SECOND_FACTOR_ROLES.map((role) => (
          <div className="form-check" key={role}>
            <input id={`second-factor-${role}`} type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} />
            <label htmlFor={`second-factor-${role}`}>{label('role', role)}</label>
          </div>
        ))}
      </fieldset>
    </RecordForm>
  );
}

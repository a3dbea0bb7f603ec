import { type FormEvent, useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { ROLES } from '../../../contracts/enums.js';
import { ROLE_LABELS } from '../../../contracts/labels.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

export default function UsersPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const users = useApiGet<User[]>('/users');
  const centres = useApiGet<Array<{ id: number; name: string; code: string }>>('/centres');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('users.title'));
  const centreName = (id: number) => centres.data?.find((c) => c.id === id)?.name ?? String(id);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await api('POST', '/users', {
        email: form.get('email'),
        displayName: form.get('displayName'),
        role: form.get('role'),
        password: form.get('password'),
        centreIds: form.getAll('centreIds').map(Number),
      });
      formElement.reset();
      setError(null);
      setFieldErrors({});
      setNotice(t('users.created'));
      users.reload();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  const update = (user: User, body: Record<string, unknown>) =>
    api('PATCH', `/users/${user.id}`, body)
      .then(() => {
        setError(null);
        users.reload();
      })
      .catch(setError);

  return (
    <>
      <h1 className="h2">{t('users.title')}</h1>
      <p className="text-muted">{t('users.adminScope')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? users.error} />
      <table className="table">
        <caption className="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.centres')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.map((user) => (
            <tr key={user.id}>
              <td>
                {user.displayName} {user.active ? null : <span className="badge bg-secondary">{t('users.inactive')}</span>}
              </td>
              <td>{user.email}</td>
              <td>
                <select
                  className="form-select form-select-sm"
                  aria-label={`${t('users.role')}: ${user.displayName}`}
                  value={user.role}
                  disabled={user.id === me?.id}
                  onChange={(e) => update(user, { role: e.target.value })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[locale][r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{user.centreIds.map(centreName).join(', ')}</td>
              <td>
                {user.id !== me?.id ? (
                  <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => update(user, { active: !user.active })}>
                    {user.active ? t('users.deactivate') : t('users.activate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="h4 mt-4">{t('users.add')}</h2>
      <form onSubmit={add}>
        <div className="row">
          <div className="col-md-6">
            <TextField label={t('users.displayName')} name="displayName" required error={fieldErrors.displayName} />
          </div>
          <div className="col-md-6">
            <TextField label={t('users.email')} name="email" type="email" required error={fieldErrors.email} />
          </div>
          <div className="col-md-4">
            <SelectField label={t('users.role')} name="role" required defaultValue="operator">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[locale][r]}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <TextField
              label={t('users.password')}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              hint={t('setup.passwordHint')}
              error={fieldErrors.password}
            />
          </div>
          <div className="col-md-4">
            <fieldset className="mb-3">
              <legend className="form-label h6">{t('users.centres')}</legend>
              {centres.data?.map((c, i) => (
                <div className="form-check" key={c.id}>
                  <input id={`centre-${c.id}`} type="checkbox" name="centreIds" value={c.id} defaultChecked={i === 0} />
                  <label htmlFor={`centre-${c.id}`}>{c.name}</label>
                </div>
              ))}
            </fieldset>
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t('users.add')}
        </button>
      </form>
    </>
  );
}

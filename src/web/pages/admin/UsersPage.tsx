import { type FormEvent, useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { ROLES } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { Options, RecordTable, useChange } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

export default function UsersPage() {
  const { t, labels } = useI18n();
  const { me } = useSession();
  const users = useApiGet<User[]>('/users');
  const centres = useApiGet<Array<{ id: number; name: string; code: string }>>('/centres');
  const change = useChange({ reload: users.reload });
  const fieldErrors = change.fieldErrors;
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('users.title'));
  const centreName = (id: number) => centres.data?.find((c) => c.id === id)?.name ?? String(id);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setNotice(null);
    const sent = await change.send('POST', '/users', {
      email: form.get('email'),
      displayName: form.get('displayName'),
      role: form.get('role'),
      password: form.get('password'),
      centreIds: form.getAll('centreIds').map(Number),
    });
    if (sent.ok) {
      formElement.reset();
      setNotice(t('users.created'));
    }
  };

  const update = (user: User, body: Record<string, unknown>) => {
    setNotice(null);
    return change.send('PATCH', `/users/${user.id}`, body, { success: t('users.saved') });
  };

  return (
    <>
      <h1 className="h2">{t('users.title')}</h1>
      <p className="text-muted">{t('users.adminScope')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={users.error} />
      {change.problem}
      <RecordTable<User>
        caption={t('users.title')}
        captionHidden
        className="table"
        rows={users.data ?? []}
        rowKey={(user) => user.id}
        rowName={(user) => user.displayName}
        columns={[
          {
            header: t('users.displayName'),
            cell: (user) => (
              <>
                {user.displayName} {user.active ? null : <span className="badge bg-secondary">{t('users.inactive')}</span>}
              </>
            ),
          },
          { header: t('users.email'), cell: (user) => user.email },
          {
            header: t('users.role'),
            cell: (user) => (
              <select
                className="form-select form-select-sm"
                aria-label={`${t('users.role')}: ${user.displayName}`}
                value={user.role}
                disabled={user.id === me?.id}
                onChange={(e) => update(user, { role: e.target.value })}
              >
                <Options values={ROLES} labels={labels('role')} />
              </select>
            ),
          },
          { header: t('users.centres'), cell: (user) => user.centreIds.map(centreName).join(', ') },
        ]}
        actions={(user) =>
          user.id === me?.id
            ? []
            : [{ label: user.active ? t('users.deactivate') : t('users.activate'), onClick: () => update(user, { active: !user.active }) }]
        }
      />
      <h2 className="h4 mt-4">{t('users.add')}</h2>
      <form onSubmit={add} noValidate aria-busy={change.busy || undefined}>
        <div className="row">
          <div className="col-md-6">
            <TextField label={t('users.displayName')} name="displayName" required error={fieldErrors.displayName} />
          </div>
          <div className="col-md-6">
            <TextField label={t('users.email')} name="email" type="email" required error={fieldErrors.email} />
          </div>
          <div className="col-md-4">
            <SelectField label={t('users.role')} name="role" required defaultValue="operator" error={fieldErrors.role}>
              <Options values={ROLES} labels={labels('role')} />
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
        <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
          {t('users.add')}
        </button>
      </form>
    </>
  );
}

import { useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { ROLES } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { LoadedTable, Options, RecordForm, useChange, useConfirm, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { SecondFactorPolicyForm } from './SecondFactorPolicy.js';
import { SignInPolicyForm } from './SignInPolicy.js';

interface Centre {
  id: number;
  name: string;
  code: string;
}

/**
 * A new account: name, e-mail, role, codice fiscale, initial password and centres (the first
 * ticked by default). The password may stay empty: the account then signs in only through the
 * Comune's identity provider.
 */
function AddUserForm({ centres, reload, onStart, onAdded }: { centres: Centre[]; reload(): void; onStart(): void; onAdded(): void }) {
  const { t, labels } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ displayName: '', email: '', role: 'operator', password: '', fiscalCode: '' });
  const bound = boundTo(form, change);
  // Null until someone ticks one: then the first centre is ticked.
  const [ticked, setTicked] = useState<number[] | null>(null);
  const centreIds = ticked ?? (centres[0] ? [centres[0].id] : []);
  const toggle = (id: number) => setTicked(centreIds.includes(id) ? centreIds.filter((c) => c !== id) : [...centreIds, id]);

  const add = async () => {
    onStart();
    const { password, fiscalCode, ...values } = form.values;
    const sent = await change.send('POST', '/users', {
      ...values,
      centreIds,
      ...(password && { password }),
      ...(fiscalCode.trim() && { fiscalCode }),
    });
    if (sent.ok) {
      form.reset();
      setTicked(null);
      onAdded();
    }
  };

  return (
    <RecordForm change={change} onSubmit={add} title={t('users.add')} titleAs="h2" submitLabel={t('users.add')} className="mt-4">
      <div className="row">
        <TextField column="col-md-6" label={t('users.displayName')} required {...bound('displayName')} />
        <TextField column="col-md-6" label={t('users.email')} type="email" required {...bound('email')} />
        <SelectField column="col-md-4" label={t('users.role')} required {...bound('role')}>
          <Options values={ROLES} labels={labels('role')} />
        </SelectField>
        <TextField
          column="col-md-4"
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          hint={`${t('setup.passwordHint')} ${t('users.passwordOptional')}`}
          {...bound('password')}
        />
        <TextField column="col-md-4" label={t('users.fiscalCode')} hint={t('users.fiscalCodeHint')} {...bound('fiscalCode')} />
        <div className="col-md-4">
          <fieldset className="mb-3">
            <legend className="form-label h6">{t('users.centres')}</legend>
            {centres.map((c) => (
              <div className="form-check" key={c.id}>
                <input id={`centre-${c.id}`} type="checkbox" checked={centreIds.includes(c.id)} onChange={() => toggle(c.id)} />
                <label htmlFor={`centre-${c.id}`}>{c.name}</label>
              </div>
            ))}
          </fieldset>
        </div>
      </div>
    </RecordForm>
  );
}

/** Sets a user's codice fiscale (or clears it): SPID/CIE gateways' `fiscalNumber` finds the account by it. */
function FiscalCodeForm({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useI18n();
  const change = useChange();
  const form = useFields({ fiscalCode: user.fiscalCode ?? '' });
  const bound = boundTo(form, change);
  const save = async () => {
    const fiscalCode = form.values.fiscalCode.trim() || null;
    const sent = await change.send('PATCH', `/users/${user.id}`, { fiscalCode }, { success: t('users.saved') });
    if (sent.ok) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={`${t('users.fiscalCode')}: ${user.displayName}`}
      onCancel={onDone}
      autoFocus
      className="border rounded p-3 mt-3"
    >
      <TextField label={t('users.fiscalCode')} hint={t('users.fiscalCodeHint')} {...bound('fiscalCode')} />
    </RecordForm>
  );
}

export default function UsersPage() {
  const { t, labels } = useI18n();
  const { me } = useSession();
  const users = useApiGet<User[]>('/users');
  const centres = useApiGet<Centre[]>('/centres');
  const change = useChange({ reload: users.reload });
  const [notice, setNotice] = useState<string | null>(null);
  // The user whose codice fiscale is being set, in the form under the table.
  const [fiscalCodeOf, setFiscalCodeOf] = useState<User | null>(null);
  usePageTitle(t('users.title'));
  const centreName = (id: number) => centres.data?.find((c) => c.id === id)?.name ?? String(id);

  const confirm = useConfirm();
  // A stolen laptop: every session of the user ends at once.
  const endSessions = async (user: User) => {
    setNotice(null);
    if (!(await confirm(t('users.endSessionsConfirm', { name: user.displayName }), { confirmLabel: t('users.endSessions'), danger: true })))
      return;
    const sent = await change.send<{ ended: number }>('DELETE', `/users/${user.id}/sessions`);
    if (sent.ok) setNotice(t('users.sessionsEnded', { count: sent.data.ended }));
  };

  // A lost phone: the user logs in with the password alone, then sets the second factor up again.
  const resetSecondFactor = async (user: User) => {
    setNotice(null);
    const question = t('users.resetSecondFactorConfirm', { name: user.displayName });
    if (!(await confirm(question, { confirmLabel: t('users.resetSecondFactor'), danger: true }))) return;
    const sent = await change.send('DELETE', `/users/${user.id}/second-factor`);
    if (sent.ok) setNotice(t('users.secondFactorReset'));
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
      <LoadedTable<User>
        loaded={users}
        problem={change.problem}
        caption={t('users.title')}
        className="table"
        rowName={(user) => user.displayName}
        columns={[
          {
            header: t('users.displayName'),
            cell: (user) => (
              <>
                {user.displayName} {user.active ? null : <span className="badge bg-secondary">{t('users.inactive')}</span>}{' '}
                {user.ssoBound ? <span className="badge bg-primary">{t('users.ssoBound')}</span> : null}
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
          { header: t('users.fiscalCode'), cell: (user) => user.fiscalCode ?? '' },
        ]}
        actions={(user) =>
          user.id === me?.id
            ? []
            : [
                { label: user.active ? t('users.deactivate') : t('users.activate'), onClick: () => update(user, { active: !user.active }) },
                { label: t('users.endSessions'), danger: true, onClick: () => endSessions(user) },
                { label: t('users.resetSecondFactor'), danger: true, onClick: () => resetSecondFactor(user) },
                { label: t('users.setFiscalCode'), onClick: () => setFiscalCodeOf(user) },
              ]
        }
      />
      {fiscalCodeOf ? (
        <FiscalCodeForm
          user={fiscalCodeOf}
          onDone={() => {
            setFiscalCodeOf(null);
            users.reload();
          }}
        />
      ) : null}
      <SecondFactorPolicyForm />
      <SignInPolicyForm users={users.data ?? []} />
      <AddUserForm
        centres={centres.data ?? []}
        reload={users.reload}
        onAdded={() => setNotice(t('users.created'))}
        onStart={() => setNotice(null)}
      />
    </>
  );
}

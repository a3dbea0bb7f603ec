import { useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { romeDateOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { LoadedTable, RecordForm, useChange, useConfirm, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';

interface ApiToken {
  id: number;
  userEmail: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token for a user and a purpose; its secret goes to `onCreated`, to be shown once. */
function NewTokenForm({
  users,
  reload,
  onStart,
  onCreated,
}: {
  users: User[];
  reload(): void;
  onStart(): void;
  onCreated(secret: string): void;
}) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ userId: '', name: '' });
  const bound = boundTo(form, change);
  // The select shows the first user until another is chosen.
  const userId = form.values.userId || String(users[0]?.id ?? '');
  const create = async () => {
    onStart();
    const sent = await change.send<{ token: string }>('POST', '/tokens', { userId: Number(userId), name: form.values.name });
    if (sent.ok) {
      form.reset();
      onCreated(sent.data.token);
    }
  };
  return (
    <RecordForm change={change} onSubmit={create} label={t('tokens.create')} submitLabel={t('tokens.create')} className="mb-3">
      <div className="row">
        <SelectField column="col-md-5" label={t('tokens.user')} required {...bound('userId')} value={userId}>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} ({u.email})
            </option>
          ))}
        </SelectField>
        <TextField column="col-md-4" label={t('tokens.name')} required maxLength={100} {...bound('name')} />
      </div>
    </RecordForm>
  );
}

export default function TokensPage() {
  const { t, formatDate } = useI18n();
  const tokens = useApiGet<ApiToken[]>('/tokens');
  const users = useApiGet<User[]>('/users');
  const [created, setCreated] = useState<string | null>(null);
  const change = useChange({ reload: tokens.reload });
  const confirm = useConfirm();
  usePageTitle(t('tokens.title'));

  const revoke = async (token: ApiToken) => {
    if (!(await confirm(t('tokens.revokeConfirm', { name: token.name }), { confirmLabel: t('tokens.revoke'), danger: true }))) return;
    await change.send('DELETE', `/tokens/${token.id}`, undefined, { success: t('tokens.revokedNotice') });
  };

  return (
    <>
      <h1 className="h2">{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      {created ? (
        <div className="alert alert-success" role="status">
          <p className="mb-1">{t('tokens.created')}</p>
          <code data-testid="new-token" className="d-block text-break">
            {created}
          </code>
        </div>
      ) : null}
      <NewTokenForm users={users.data ?? []} reload={tokens.reload} onStart={() => setCreated(null)} onCreated={setCreated} />
      <LoadedTable<ApiToken>
        loaded={tokens}
        problem={change.problem}
        caption={t('tokens.title')}
        className="table mt-3"
        rowName={(token) => token.name}
        columns={[
          { header: t('tokens.user'), cell: (token) => token.userEmail },
          { header: t('tokens.name'), cell: (token) => token.name },
          { header: 'Token', cell: (token) => <code>{token.tokenPrefix}…</code> },
          {
            header: t('tokens.lastUsed'),
            cell: (token) => (
              <>
                {token.lastUsedAt ? formatDate(romeDateOf(new Date(token.lastUsedAt))) : t('tokens.never')}
                {token.revokedAt ? (
                  <div className="small">{t('tokens.revoked', { date: formatDate(romeDateOf(new Date(token.revokedAt))) })}</div>
                ) : null}
              </>
            ),
          },
        ]}
        actions={(token) => (token.revokedAt ? [] : [{ label: t('tokens.revoke'), danger: true, onClick: () => revoke(token) }])}
      />
    </>
  );
}

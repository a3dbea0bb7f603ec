import { type FormEvent, useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { RecordTable, useChange } from '../../kit/index.js';
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

export default function TokensPage() {
  const { t, formatDate } = useI18n();
  const tokens = useApiGet<ApiToken[]>('/tokens');
  const users = useApiGet<User[]>('/users');
  const [created, setCreated] = useState<string | null>(null);
  const change = useChange({ reload: tokens.reload });
  usePageTitle(t('tokens.title'));

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setCreated(null);
    const sent = await change.send<{ token: string }>('POST', '/tokens', { userId: Number(form.get('userId')), name: form.get('name') });
    if (sent.ok) {
      setCreated(sent.data.token);
      formElement.reset();
    }
  };

  const revoke = (token: ApiToken) => change.send('DELETE', `/tokens/${token.id}`, undefined, { success: t('tokens.revokedNotice') });

  return (
    <>
      <h1 className="h2">{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <ProblemAlert error={tokens.error} />
      {change.problem}
      {created ? (
        <div className="alert alert-success" role="status">
          <p className="mb-1">{t('tokens.created')}</p>
          <code data-testid="new-token" className="d-block text-break">
            {created}
          </code>
        </div>
      ) : null}
      <form onSubmit={create} noValidate aria-busy={change.busy || undefined} className="row align-items-end">
        <div className="col-md-5">
          <SelectField label={t('tokens.user')} name="userId" required error={change.fieldErrors.userId}>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField label={t('tokens.name')} name="name" required maxLength={100} error={change.fieldErrors.name} />
        </div>
        <div className="col-md-3 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('tokens.create')}
          </button>
        </div>
      </form>
      <RecordTable<ApiToken>
        caption={t('tokens.title')}
        captionHidden
        className="table mt-3"
        rows={tokens.data ?? []}
        rowKey={(token) => token.id}
        rowName={(token) => token.name}
        columns={[
          { header: t('tokens.user'), cell: (token) => token.userEmail },
          { header: t('tokens.name'), cell: (token) => token.name },
          { header: 'Token', cell: (token) => <code>{token.tokenPrefix}…</code> },
          {
            header: t('tokens.lastUsed'),
            cell: (token) => (
              <>
                {token.lastUsedAt ? formatDate(token.lastUsedAt.slice(0, 10)) : t('tokens.never')}
                {token.revokedAt ? (
                  <div className="small">{t('tokens.revoked', { date: formatDate(token.revokedAt.slice(0, 10)) })}</div>
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

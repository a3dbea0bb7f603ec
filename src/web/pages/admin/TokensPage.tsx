import { type FormEvent, useState } from 'react';
import type { User } from '../../../contracts/auth.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
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
  const [error, setError] = useState<ApiError | null>(null);
  usePageTitle(t('tokens.title'));

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const result = await api<{ token: string }>('POST', '/tokens', { userId: Number(form.get('userId')), name: form.get('name') });
      setCreated(result.token);
      setError(null);
      formElement.reset();
      tokens.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const revoke = (id: number) => api('DELETE', `/tokens/${id}`).then(tokens.reload).catch(setError);

  return (
    <>
      <h1 className="h2">{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <ProblemAlert error={error ?? tokens.error} />
      {created ? (
        <div className="alert alert-success" role="status">
          <p className="mb-1">{t('tokens.created')}</p>
          <code data-testid="new-token" className="d-block text-break">
            {created}
          </code>
        </div>
      ) : null}
      <form onSubmit={create} className="row align-items-end">
        <div className="col-md-5">
          <SelectField label={t('tokens.user')} name="userId" required>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField label={t('tokens.name')} name="name" required maxLength={100} />
        </div>
        <div className="col-md-3 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('tokens.create')}
          </button>
        </div>
      </form>
      <table className="table mt-3">
        <caption className="visually-hidden">{t('tokens.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.user')}</th>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">Token</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.map((token) => (
            <tr key={token.id}>
              <td>{token.userEmail}</td>
              <td>{token.name}</td>
              <td>
                <code>{token.tokenPrefix}…</code>
              </td>
              <td>{token.lastUsedAt ? formatDate(token.lastUsedAt.slice(0, 10)) : t('tokens.never')}</td>
              <td>
                {token.revokedAt ? (
                  t('tokens.revoked', { date: formatDate(token.revokedAt.slice(0, 10)) })
                ) : (
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => revoke(token.id)}>
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import { useNavigate } from 'react-router';
import type { Session } from '../../../contracts/auth.js';
import { romeDateOf, romeTimeOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { LoadedTable, RecordsHeading, useChange, useConfirm } from '../../kit/index.js';
import { useSession } from '../../session.js';

/** The browser as people name it, from its User-Agent: enough to tell one's devices apart. */
function browserOf(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return browser && system ? `${browser}, ${system}` : userAgent.slice(0, 60);
}

/** "Sessioni aperte": where and when each of my sessions was opened and last used; any of them can be closed. */
export function SessionsSection() {
  const { t, formatDate } = useI18n();
  const sessions = useApiGet<Session[]>('/auth/sessions');
  const { logout } = useSession();
  const navigate = useNavigate();
  const change = useChange({ reload: sessions.reload });
  const confirm = useConfirm();
  const when = (instant: string) => `${formatDate(romeDateOf(new Date(instant)))} ${romeTimeOf(new Date(instant))}`;

  const end = async (session: Session) => {
    // Closing this session is logging out: the app goes to the login page, as "Esci" does.
    if (session.current) return logout(() => navigate('/login?loggedOut=1'));
    if (!(await confirm(t('account.sessions.endConfirm'), { confirmLabel: t('account.sessions.end'), danger: true }))) return;
    await change.send('DELETE', `/auth/sessions/${session.handle}`, undefined, { success: t('account.sessions.ended') });
  };

  return (
    <section aria-labelledby="sessions-heading" className="mt-5">
      <RecordsHeading id="sessions-heading" level={2} texts="account.sessions" change={change} />
      <LoadedTable<Session>
        loaded={sessions}
        caption={t('account.sessions.title')}
        captionHidden
        className="table"
        rowKey={(session) => session.handle}
        rowName={(session) => (session.current ? t('account.sessions.thisOne') : browserOf(session.userAgent))}
        columns={[
          {
            header: t('account.sessions.device'),
            rowHeader: true,
            cell: (session) => (
              <>
                {browserOf(session.userAgent)}
                {session.current ? <span className="badge bg-primary ms-2">{t('account.sessions.thisOne')}</span> : null}
              </>
            ),
          },
          { header: t('account.sessions.address'), cell: (session) => session.ip ?? '—' },
          { header: t('account.sessions.opened'), cell: (session) => when(session.createdAt) },
          { header: t('account.sessions.lastSeen'), cell: (session) => when(session.lastSeenAt) },
        ]}
        actions={(session) => [
          { label: session.current ? t('account.sessions.logout') : t('account.sessions.end'), danger: true, onClick: () => end(session) },
        ]}
      />
    </section>
  );
}

import { type ReactNode, useEffect, useRef } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../domain/permissions.js';
import { AREAS } from '../areas.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { useSession } from '../session.js';

const NAV: Array<{ to: string; label: MessageKey; permission: Permission }> = [
  { to: '/', label: 'nav.frontDesk', permission: 'personal.write' },
  { to: '/people', label: 'nav.people', permission: 'personal.read' },
  { to: '/visits', label: 'nav.visits', permission: 'personal.read' },
  ...AREAS.flatMap((area) => area.nav),
  { to: '/statistics', label: 'nav.statistics', permission: 'statistics.read' },
  { to: '/admin/topics', label: 'nav.topics', permission: 'catalogues.manage' },
  { to: '/admin/users', label: 'nav.users', permission: 'users.manage' },
  { to: '/admin/tokens', label: 'nav.tokens', permission: 'users.manage' },
  { to: '/admin/audit', label: 'nav.audit', permission: 'audit.read' },
];

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would restyle the header; role=group names the pair of buttons
    <div className="d-flex align-items-center gap-2" role="group" aria-label={t('app.language')}>
      {(['it', 'en'] as const).map((code) => (
        <button
          key={code}
          type="button"
          className="btn btn-link btn-sm p-1 text-white"
          aria-pressed={locale === code}
          lang={code}
          onClick={() => setLocale(code)}
        >
          {code === 'it' ? 'Italiano' : 'English'}
        </button>
      ))}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me, logout, can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);
  // After a change of page, keyboard and screen-reader users start from the new content,
  // unless the page itself put the focus in it (the front desk focuses its search field).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page change is the trigger
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    if (!mainRef.current?.contains(document.activeElement)) mainRef.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header>
        <div className="app-slim py-1">
          <div className="container d-flex justify-content-between align-items-center flex-wrap gap-2">
            <span>{me?.centres.map((c) => c.name).join(' · ') || t('app.tagline')}</span>
            <div className="d-flex align-items-center gap-3">
              <LanguageSwitch />
              {me ? (
                <>
                  <NavLink to="/account" className="text-white">
                    {me.displayName}
                  </NavLink>
                  <button
                    type="button"
                    className="btn btn-outline-light btn-sm"
                    onClick={() => logout(() => navigate('/login?loggedOut=1'))}
                  >
                    {t('nav.logout')}
                  </button>
                </>
              ) : null}
            </div>
          </div>
        </div>
        <div className="app-header py-3">
          <div className="container">
            <NavLink to="/" className="brand-title">
              {t('app.name')}
            </NavLink>
            <div>{t('app.tagline')}</div>
          </div>
        </div>
        {me ? (
          <nav className="app-header app-nav border-top border-light" aria-label={t('nav.main')}>
            <div className="container">
              <ul className="nav flex-wrap">
                {NAV.filter((item) => can(item.permission)).map((item) => (
                  <li className="nav-item" key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'} className="nav-link">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={mainRef} className="container py-4 app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer py-4 mt-5">
        <div className="container">
          <p className="mb-0">{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}

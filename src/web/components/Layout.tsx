import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { NAV_GROUPS, type NavGroup, type NavItem } from '../area.js';
import { NAV } from '../areas.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { useSession } from '../session.js';

/** The menu: the entries without a group alone (the front desk), then the groups, each opened as a list of links. */
const ALONE = NAV.filter((item) => !item.group);

/**
 * One group of the menu: a button that shows or hides its links (the disclosure pattern:
 * aria-expanded, Escape closes it and gives the focus back to the button).
 */
function NavGroupMenu({
  group,
  items,
  open,
  onToggle,
}: {
  group: NavGroup;
  items: NavItem[];
  open: boolean;
  onToggle(open: boolean): void;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  return (
    <li
      className="nav-item nav-group"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          onToggle(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`nav-link btn btn-link${current ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onToggle(!open)}
      >
        {t(`nav.group.${group}` as MessageKey)} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <ul id={listId} className="nav-group-list list-unstyled" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="nav-link" onClick={() => onToggle(false)}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

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
  const allowed = (item: NavItem) => !item.permission || can(item.permission);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);
  const [openGroup, setOpenGroup] = useState<NavGroup | null>(null);
  // On a narrow screen the menu folds behind one button (the disclosure pattern, like its groups).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const navRef = useRef<HTMLElement>(null);
  // A click anywhere outside the menu closes the open group.
  useEffect(() => {
    if (!openGroup) return;
    const close = (event: MouseEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpenGroup(null);
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, [openGroup]);
  // After a change of page, keyboard and screen-reader users start from the new content,
  // unless the page itself put the focus in it (the front desk focuses its search field).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page change is the trigger
  useEffect(() => {
    setMenuOpen(false);
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
          <nav
            ref={navRef}
            className="app-header app-nav border-top border-light"
            aria-label={t('nav.main')}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen && !openGroup) {
                setMenuOpen(false);
                menuButton.current?.focus();
              }
            }}
          >
            <div className="container">
              <button
                ref={menuButton}
                type="button"
                className="nav-link btn btn-link app-menu-toggle d-md-none"
                aria-expanded={menuOpen}
                aria-controls={menuId}
                onClick={() => setMenuOpen(!menuOpen)}
              >
                {t('nav.menu')} <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
              </button>
              <ul id={menuId} className={`nav flex-wrap app-nav-list${menuOpen ? ' is-open' : ''}`}>
                {ALONE.filter(allowed).map((item) => (
                  <li key={item.to} className="nav-item">
                    <NavLink to={item.to} end className="nav-link">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
                {NAV_GROUPS.map((group) => {
                  const items = NAV.filter((item) => item.group === group && allowed(item));
                  return items.length > 0 ? (
                    <NavGroupMenu
                      key={group}
                      group={group}
                      items={items}
                      open={openGroup === group}
                      onToggle={(open) => setOpenGroup(open ? group : null)}
                    />
                  ) : null;
                })}
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
          <p className="mb-0 mt-2">
            <Link to="/accessibilita">{t('app.accessibility')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}

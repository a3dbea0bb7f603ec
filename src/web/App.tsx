import { type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../domain/permissions.js';
import { PAGES } from './areas.js';
import { Layout } from './components/Layout.js';
import { useI18n } from './i18n/index.js';
import { useSession } from './session.js';

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { me, can } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (permission && !can(permission)) return <Navigate to="/" replace />;
  // The organisation requires a second factor of this role: Il mio account until it is set up.
  if (me.secondFactor === 'required' && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}

export function App() {
  const { loading } = useSession();
  const { t } = useI18n();
  if (loading) return <p className="container py-5">{t('app.loading')}</p>;
  return (
    <Layout>
      <Suspense fallback={<p>{t('app.loading')}</p>}>
        <Routes>
          {PAGES.map((page) => (
            <Route
              key={page.path}
              path={page.path}
              element={page.public ? page.element : <Guard permission={page.permission}>{page.element}</Guard>}
            />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

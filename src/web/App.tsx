import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../domain/permissions.js';
import { AREAS } from './areas.js';
import { Layout } from './components/Layout.js';
import { useI18n } from './i18n/index.js';
import { FrontDeskPage } from './pages/FrontDeskPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { useSession } from './session.js';

// The front desk loads first and fast; everything else is loaded when opened.
const SetupPage = lazy(() => import('./pages/SetupPage.js'));
const PeoplePage = lazy(() => import('./pages/PeoplePage.js'));
const PersonFormPage = lazy(() => import('./pages/PersonFormPage.js'));
const PersonPage = lazy(() => import('./pages/PersonPage.js'));
const VisitsPage = lazy(() => import('./pages/VisitsPage.js'));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage.js'));
const TopicsPage = lazy(() => import('./pages/admin/TopicsPage.js'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.js'));
const TokensPage = lazy(() => import('./pages/admin/TokensPage.js'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage.js'));
const AccountPage = lazy(() => import('./pages/AccountPage.js'));

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { me, can } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (permission && !can(permission)) return <Navigate to={can('personal.write') ? '/' : '/statistics'} replace />;
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
          <Route path="/login" element={<LoginPage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route
            path="/"
            element={
              <Guard permission="personal.write">
                <FrontDeskPage />
              </Guard>
            }
          />
          <Route
            path="/people"
            element={
              <Guard permission="personal.read">
                <PeoplePage />
              </Guard>
            }
          />
          <Route
            path="/people/new"
            element={
              <Guard permission="personal.write">
                <PersonFormPage />
              </Guard>
            }
          />
          <Route
            path="/people/:id"
            element={
              <Guard permission="personal.read">
                <PersonPage />
              </Guard>
            }
          />
          <Route
            path="/people/:id/edit"
            element={
              <Guard permission="personal.write">
                <PersonFormPage />
              </Guard>
            }
          />
          <Route
            path="/visits"
            element={
              <Guard permission="personal.read">
                <VisitsPage />
              </Guard>
            }
          />
          <Route
            path="/statistics"
            element={
              <Guard permission="statistics.read">
                <StatisticsPage />
              </Guard>
            }
          />
          <Route
            path="/admin/topics"
            element={
              <Guard permission="catalogues.manage">
                <TopicsPage />
              </Guard>
            }
          />
          <Route
            path="/admin/users"
            element={
              <Guard permission="users.manage">
                <UsersPage />
              </Guard>
            }
          />
          <Route
            path="/admin/tokens"
            element={
              <Guard permission="users.manage">
                <TokensPage />
              </Guard>
            }
          />
          <Route
            path="/admin/audit"
            element={
              <Guard permission="audit.read">
                <AuditPage />
              </Guard>
            }
          />
          <Route
            path="/account"
            element={
              <Guard>
                <AccountPage />
              </Guard>
            }
          />
          {AREAS.flatMap((area) =>
            area.routes.map((route) => (
              <Route
                key={route.path}
                path={route.path}
                element={route.public ? route.element : <Guard permission={route.permission}>{route.element}</Guard>}
              />
            )),
          )}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

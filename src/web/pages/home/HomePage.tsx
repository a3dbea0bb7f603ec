/**
 * The home page, the first page after login (issue 15): GET /home gives the caller's view. The
 * coordinator sees the centre's year so far, this month, what needs attention and the courses;
 * the operator their day; the viewer the aggregate figures only.
 */
import { Link } from 'react-router';
import type { CoordinatorHome, Home } from '../../../contracts/home.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { CoursesSection, MonthSection, YearSoFarSection } from './FiguresSections.js';
import { HomeSection } from './HomeSection.js';
import { DueSection, MyCasesSection, TodayVisitsSection } from './OperatorSections.js';

function AttentionSection({ attention }: { attention: CoordinatorHome['attention'] }) {
  const { t, formatNumber } = useI18n();
  const items = [
    { key: 'silent', text: t('home.attention.silent', { days: attention.silentDays }), n: attention.silentCases, to: '/cases' },
    {
      key: 'permits',
      text: t('home.attention.permits', { days: attention.permitWithinDays }),
      n: attention.expiringPermits,
      to: `/deadlines?withinDays=${attention.permitWithinDays}`,
    },
    { key: 'actions', text: t('home.attention.actions'), n: attention.overdueActions, to: '/cases' },
  ];
  return (
    <HomeSection id="home-attention" title={t('home.attention')}>
      <ul className="list-unstyled row g-3">
        {items.map((item) => (
          <li key={item.key} className="col-md-4" data-testid={`attention-${item.key}`}>
            <Link to={item.to} className="d-block border rounded p-3 h-100 text-decoration-none">
              <span className="d-block display-6">{formatNumber(item.n)}</span>
              <span>{item.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

function HomeView({ home }: { home: Home }) {
  if (home.view === 'operator') {
    return (
      <>
        <TodayVisitsSection todayVisits={home.todayVisits} />
        <MyCasesSection cases={home.cases} silentDays={home.silentDays} />
        <DueSection due={home.due} week={home.week} />
      </>
    );
  }
  return (
    <>
      {home.view === 'coordinator' ? <AttentionSection attention={home.attention} /> : null}
      <YearSoFarSection current={home.yearSoFar.current} previous={home.yearSoFar.previous} />
      <MonthSection monthByWeek={home.monthByWeek} />
      <CoursesSection courses={home.courses} waitingList={home.waitingList} />
    </>
  );
}

export default function HomePage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const home = useApiGet<Home>('/home');
  const view = home.data?.view;
  const title = view ? t(`home.title.${view}`) : t('home.nav');
  usePageTitle(title);
  return (
    <>
      <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2">
        <h1>{title}</h1>
        {can('personal.write') ? (
          <Link to="/sportello" className="btn btn-primary">
            {t('home.openDesk')}
          </Link>
        ) : null}
      </div>
      {home.data ? <p className="lead">{t('home.today', { date: formatDate(home.data.today, true) })}</p> : null}
      <ProblemAlert error={home.error} />
      {home.loading && !home.data ? <p>{t('app.loading')}</p> : null}
      {home.data ? <HomeView home={home.data} /> : null}
    </>
  );
}

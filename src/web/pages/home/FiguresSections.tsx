/**
 * The aggregate figures of the home page (the coordinator's and the viewer's): the year so far
 * against last year's same days, by origin group with its chart, this month by week with its
 * chart, and the courses running. Each figure links to the list behind it when the reader may
 * open that list; the charts are drawn with the report's chart options.
 */
import { Link } from 'react-router';
import { ORIGIN_GROUPS, type OriginGroup } from '../../../contracts/enums.js';
import type { PeriodFigures, ViewerHome } from '../../../contracts/home.js';
import type { ReportTable } from '../../../contracts/reports.js';
import { useI18n } from '../../i18n/index.js';
import { RecordTable } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { SafeChart } from '../reports/ReportChart.js';
import { HomeSection } from './HomeSection.js';

type Figure = 'visits' | 'inCare' | 'newInCare';

/** Where a figure's list is: visits in the period (or their statistics, for who may not list them), the cases. */
function useFigureLink() {
  const { can } = useSession();
  return (figure: Figure, period: { from: string; to: string }, group?: string) => {
    const range = `from=${period.from}&to=${period.to}${group ? `&originGroup=${group}` : ''}`;
    if (figure === 'visits') return can('personal.read') ? `/visits?${range}` : `/statistics?from=${period.from}&to=${period.to}`;
    return can('personal.read') ? '/cases' : null;
  };
}

function FigureLink({ to, value, label }: { to: string | null; value: number; label: string }) {
  const { formatNumber } = useI18n();
  if (!to) return <>{formatNumber(value)}</>;
  return (
    <Link to={to} aria-label={`${formatNumber(value)} ${label}`}>
      {formatNumber(value)}
    </Link>
  );
}

function change(current: number, previous: number): string {
  const difference = current - previous;
  return difference > 0 ? `+${difference}` : String(difference);
}

/**
 * A home chart as a table of the report's kind, drawn with the report's chart options: a bar per
 * row (its `category` words under `categoryLabel`), a series per key of `series` (its words).
 */
function barChart<K extends string>(
  id: string,
  title: string,
  categoryLabel: string,
  series: Record<K, string>,
  rows: Array<{ key: string; category: string; values: Record<K, number> }>,
): ReportTable {
  const keys = Object.keys(series) as K[];
  return {
    kind: 'table',
    id,
    title,
    columns: [
      { key: 'category', label: categoryLabel, numeric: false },
      ...keys.map((key) => ({ key, label: series[key], numeric: true })),
    ],
    rows: rows.map((row) => ({ key: row.key, cells: { category: row.category, ...row.values } })),
    protect: false,
    chart: { type: 'bar', categoryColumn: 'category', seriesColumns: keys },
  };
}

export function YearSoFarSection({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  const { t, label, formatDate } = useI18n();
  const linkOf = useFigureLink();
  const periodLabel = (p: PeriodFigures) => t('home.period', { from: formatDate(p.from), to: formatDate(p.to) });
  const rows: Array<{ id: Figure; name: string }> = [
    { id: 'visits', name: t('home.visits') },
    { id: 'inCare', name: t('home.inCare') },
    { id: 'newInCare', name: t('home.newInCare') },
  ];
  const currentYear = current.from.slice(0, 4);
  const previousYear = previous.from.slice(0, 4);
  const ofGroup = (p: PeriodFigures, group: string) => p.byOriginGroup.find((g) => g.group === group);
  // A bar per origin group, a series per year.
  const chartTable = barChart(
    'home.byOriginGroup',
    t('home.byOriginGroup.caption'),
    t('home.originGroup'),
    { previous: t('home.visitsOf', { year: previousYear }), current: t('home.visitsOf', { year: currentYear }) },
    ORIGIN_GROUPS.map((group) => ({
      key: group,
      category: label('originGroup', group),
      values: { previous: ofGroup(previous, group)?.visits ?? 0, current: ofGroup(current, group)?.visits ?? 0 },
    })),
  );
  return (
    <HomeSection id="home-year" title={t('home.yearSoFar')}>
      <p>{t('home.yearSoFar.intro')}</p>
      <RecordTable
        caption={t('home.yearSoFar.caption')}
        captionHidden
        rows={rows}
        columns={[
          { header: t('home.figure'), rowHeader: true, cell: (row) => row.name },
          {
            header: periodLabel(current),
            className: 'text-end',
            cell: (row) => <FigureLink to={linkOf(row.id, current)} value={current[row.id]} label={`${row.name} ${currentYear}`} />,
          },
          {
            header: periodLabel(previous),
            className: 'text-end',
            cell: (row) => <FigureLink to={linkOf(row.id, previous)} value={previous[row.id]} label={`${row.name} ${previousYear}`} />,
          },
          { header: t('home.change'), className: 'text-end', cell: (row) => change(current[row.id], previous[row.id]) },
        ]}
      />
      <h3 className="h5">{t('home.byOriginGroup')}</h3>
      <RecordTable
        caption={t('home.byOriginGroup.caption')}
        captionHidden
        rows={ORIGIN_GROUPS.map((group) => ({ id: group as OriginGroup }))}
        columns={[
          { header: t('home.originGroup'), rowHeader: true, cell: (row) => label('originGroup', row.id) },
          ...(
            [
              [current, 'visitsOf', 'visits'],
              [previous, 'visitsOf', 'visits'],
              [current, 'inCareOf', 'inCare'],
              [previous, 'inCareOf', 'inCare'],
            ] as const
          ).map(([period, header, figure]) => ({
            header: t(`home.${header}`, { year: period.from.slice(0, 4) }),
            className: 'text-end',
            cell: (row: { id: OriginGroup }) => (
              <FigureLink
                to={linkOf(figure, period, figure === 'visits' ? row.id : undefined)}
                value={ofGroup(period, row.id)?.[figure] ?? 0}
                label={`${t(`home.${header}`, { year: period.from.slice(0, 4) })}, ${label('originGroup', row.id)}`}
              />
            ),
          })),
        ]}
      />
      <SafeChart table={chartTable} />
    </HomeSection>
  );
}

export function MonthSection({ monthByWeek }: { monthByWeek: ViewerHome['monthByWeek'] }) {
  const { t, formatDate } = useI18n();
  const linkOf = useFigureLink();
  const weekLabel = (w: { from: string; to: string }) => t('home.period', { from: formatDate(w.from), to: formatDate(w.to) });
  const chartTable = barChart(
    'home.month',
    t('home.month.caption'),
    t('home.week'),
    { visits: t('home.visits') },
    monthByWeek.weeks.map((w) => ({ key: w.from, category: weekLabel(w), values: { visits: w.visits } })),
  );
  return (
    <HomeSection id="home-month" title={t('home.month')}>
      <RecordTable
        caption={t('home.month.caption')}
        captionHidden
        rows={monthByWeek.weeks}
        rowKey={(w) => w.from}
        columns={[
          { header: t('home.week'), rowHeader: true, cell: (w) => weekLabel(w) },
          {
            header: t('home.visits'),
            className: 'text-end',
            cell: (w) => <FigureLink to={linkOf('visits', w)} value={w.visits} label={`${t('home.visits')}, ${weekLabel(w)}`} />,
          },
        ]}
      />
      <SafeChart table={chartTable} />
    </HomeSection>
  );
}

export function CoursesSection({ courses, waitingList }: Pick<ViewerHome, 'courses' | 'waitingList'>) {
  const { t, label, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  return (
    <HomeSection id="home-courses" title={t('home.courses')}>
      <RecordTable
        caption={t('home.courses.caption')}
        captionHidden
        rows={courses}
        rowKey={(c) => c.courseId}
        empty={t('home.courses.none')}
        columns={[
          { header: t('home.course'), rowHeader: true, cell: (c) => <Link to={`/courses/${c.courseId}`}>{c.title}</Link> },
          { header: t('home.course.kind'), cell: (c) => label(c.kind) },
          { header: t('home.course.period'), cell: (c) => t('home.period', { from: formatDate(c.startDate), to: formatDate(c.endDate) }) },
          { header: t('home.course.enrolments'), className: 'text-end', cell: (c) => formatNumber(c.enrolments) },
          {
            header: t('home.course.attendance'),
            className: 'text-end',
            cell: (c) => (c.attendanceRate === null ? '–' : `${formatNumber(c.attendanceRate)}%`),
          },
        ]}
      />
      <h3 className="h5">{t('home.waitingList')}</h3>
      <RecordTable
        caption={t('home.waitingList')}
        captionHidden
        rows={waitingList}
        rowKey={(w) => w.kind}
        columns={[
          { header: t('home.waitingList.kind'), rowHeader: true, cell: (w) => label('waitingListKind', w.kind) },
          {
            header: t('home.course.waiting'),
            className: 'text-end',
            cell: (w) =>
              can('personal.read') ? (
                <Link
                  to={`/waiting-list?kind=${w.kind}`}
                  aria-label={`${formatNumber(w.waiting)} ${t('home.course.waiting')}: ${label('waitingListKind', w.kind)}`}
                >
                  {formatNumber(w.waiting)}
                </Link>
              ) : (
                formatNumber(w.waiting)
              ),
          },
        ]}
      />
    </HomeSection>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import type { CalendarDay, CalendarFigures } from '../../../contracts/calendar.js';
import type { AgendaEntry } from '../../../contracts/calendar-agenda.js';
import { agendaByDate } from '../../../domain/agenda.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { YearField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { FilterForm } from '../../kit/FilterForm.js';
import { RecordTable, TitledSection } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { Closures } from './Closures.js';
import { DayAgenda } from './DayAgenda.js';
import { HoursSets } from './HoursSets.js';
import { slotText, useCentreChoice, useClosedReason, useFormatMinutes, useWeekdayName, WEEKDAYS } from './shared.js';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** A month as a calendar grid, Monday first: each day open with its slots, or closed and why, with what the centre does that day; today marked. */
function MonthView({ centreId, year, month, onMove }: { centreId: number; year: number; month: number; onMove(delta: number): void }) {
  const { t, locale, formatNumber } = useI18n();
  const formatMinutes = useFormatMinutes();
  const weekdayName = useWeekdayName();
  const closedReason = useClosedReason();
  const from = `${year}-${pad(month)}-01`;
  const days = useApiGet<CalendarDay[]>('/calendar/days', { centreId, from, to: lastDayOf(year, month) });
  const figures = useApiGet<CalendarFigures>('/calendar/figures', { centreId, year, month });
  const agenda = useApiGet<AgendaEntry[]>('/calendar/agenda', { centreId, from, to: lastDayOf(year, month) });
  const activities = agendaByDate(agenda.data ?? []);
  const today = todayInRome();
  const monthName = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 15)));

  const cells: Array<CalendarDay | null> = [];
  if (days.data && days.data.length > 0) {
    for (let i = 1; i < (days.data[0] as CalendarDay).weekday; i++) cells.push(null);
    cells.push(...days.data);
    while (cells.length % 7 !== 0) cells.push(null);
  }
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  return (
    <TitledSection
      id="calendar-month"
      title={
        <>
          {t('calendar.month.title')}: <span className="text-capitalize">{monthName}</span>
        </>
      }
      className="mb-5"
    >
      <div className="d-flex gap-2 mb-2">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onMove(-1)}>
          {t('calendar.month.previous')}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onMove(1)}>
          {t('calendar.month.next')}
        </button>
      </div>
      <ProblemAlert error={days.error ?? figures.error ?? agenda.error} />
      {figures.data ? (
        <p aria-live="polite" data-testid="month-figures">
          {t('calendar.month.summary', {
            days: formatNumber(figures.data.openDays),
            hours: formatMinutes(figures.data.openMinutes),
            closed: formatNumber(figures.data.closedDays),
          })}
        </p>
      ) : null}
      {weeks.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-bordered calendar-month" data-testid="month-view">
            <caption className="visually-hidden">{t('calendar.month.caption', { month: monthName })}</caption>
            <thead>
              <tr>
                {WEEKDAYS.map((weekday) => (
                  <th scope="col" key={weekday} className="text-capitalize">
                    {weekdayName(weekday)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.find(Boolean)?.date}>
                  {week.map((day, index) =>
                    day ? (
                      <td
                        key={day.date}
                        className={
                          [
                            day.closedBecause && day.closedBecause.kind !== 'no_hours' ? 'table-warning' : '',
                            day.date === today ? 'border border-3 border-primary' : '',
                          ]
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        aria-current={day.date === today ? 'date' : undefined}
                        data-date={day.date}
                      >
                        <div className="fw-bold">
                          {Number(day.date.slice(8))}
                          {day.date === today ? <span className="badge bg-primary ms-1">{t('calendar.today')}</span> : null}
                        </div>
                        <div className="small">
                          {day.closedBecause === null
                            ? slotText(day.slots)
                            : day.closedBecause.kind === 'no_hours'
                              ? t('calendar.closed')
                              : closedReason(day.closedBecause)}
                        </div>
                        <DayAgenda entries={activities.get(day.date)} />
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the empty cells before and after the month have no other identity
                      <td key={`empty-${index}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </TitledSection>
  );
}

/** The year month by month, and the list of the days closed with why. */
function YearFigures({ centreId, year, onYear }: { centreId: number; year: number; onYear(year: number): void }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const formatMinutes = useFormatMinutes();
  const closedReason = useClosedReason();
  const figures = useApiGet<CalendarFigures>('/calendar/figures', { centreId, year });
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 15)),
    );
  const [yearError, setYearError] = useState<string | undefined>();
  const submit = (values: Record<string, string>) => {
    const chosen = Number(values.year);
    const valid = Number.isInteger(chosen) && chosen >= 1900 && chosen <= 2100;
    // The app's own message under the field, not the browser's bubble.
    setYearError(valid ? undefined : t('calendar.year.invalid'));
    if (valid) onYear(chosen);
  };
  return (
    <TitledSection id="calendar-year" title={`${t('calendar.year.title')}: ${year}`} className="mb-5">
      <FilterForm onApply={submit} className="row align-items-end" submitLabel={t('calendar.year.show')} key={year}>
        <YearField column="col-sm-4 col-md-3" label={t('calendar.year.label')} name="year" defaultValue={year} required error={yearError} />
      </FilterForm>
      <ProblemAlert error={figures.error} />
      {figures.data ? (
        <>
          <div className="table-responsive">
            <table className="table table-sm w-auto" data-testid="year-figures">
              <caption>{t('calendar.year.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.year.month')}</th>
                  <th scope="col" className="text-end">
                    {t('calendar.year.openDays')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('calendar.year.openHours')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('calendar.year.closedDays')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.data.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="fw-normal text-capitalize">
                      {monthName(m.month)}
                    </th>
                    <td className="text-end">{formatNumber(m.openDays)}</td>
                    <td className="text-end">{formatMinutes(m.openMinutes)}</td>
                    <td className="text-end">{formatNumber(m.closedDays)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('common.total')}</th>
                  <td className="text-end fw-bold">{formatNumber(figures.data.openDays)}</td>
                  <td className="text-end fw-bold">{formatMinutes(figures.data.openMinutes)}</td>
                  <td className="text-end fw-bold">{formatNumber(figures.data.closedDays)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <RecordTable<CalendarFigures['closed'][number]>
            caption={t('calendar.year.closedList', { year })}
            className="table table-sm w-auto"
            rows={figures.data.closed}
            rowKey={(day) => day.date}
            columns={[
              { header: t('calendar.year.day'), cell: (day) => formatDate(day.date, true) },
              { header: t('calendar.year.why'), cell: (day) => closedReason(day.closedBecause) },
            ]}
          />
        </>
      ) : null}
    </TitledSection>
  );
}

/**
 * The centre's calendar, for all its staff: the month with what the centre does each day, the
 * year's figures; the coordinator also sets the hours and the closures (the patron day is a
 * centre setting: linked).
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const manages = can('catalogues.manage');
  usePageTitle(t('calendar.title'));
  const { centreId, centre, select } = useCentreChoice();
  const today = todayInRome();
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  // A change of hours or closures redraws the month and the figures.
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((r) => r + 1);
  const move = (delta: number) =>
    setMonth(({ year: y, month: m }) => {
      const index = y * 12 + (m - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });

  return (
    <>
      <h1 className="h2">{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      {select}
      {centre ? (
        <p className="d-flex gap-3 flex-wrap">
          <a href={`/orari/${encodeURIComponent(centre.code)}`}>{t('calendar.publicLink')}</a>
          <a href={`/api/v1/public/centres/${encodeURIComponent(centre.code)}/calendar.ics`}>{t('calendar.icsLink')}</a>
        </p>
      ) : null}
      {centreId ? (
        <div key={centreId}>
          <MonthView key={`month-${revision}`} centreId={centreId} year={month.year} month={month.month} onMove={move} />
          <YearFigures key={`year-${revision}`} centreId={centreId} year={year} onYear={setYear} />
          {manages ? (
            <>
              <HoursSets centreId={centreId} onChanged={changed} />
              <Closures centreId={centreId} year={year} onChanged={changed} />
              <p>
                <Link to="/admin/centre">{t('centres.calendarLink')}</Link>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** Pieces the calendar, staff and projects pages share: the centre choice, hours, weekdays, slot tables. */
import { useState } from 'react';
import type { CalendarDay } from '../../../contracts/calendar.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface Slot {
  weekday: number;
  from: string;
  to: string;
}

/**
 * The centre a page works on: the user's only centre, or the one chosen in the select the page
 * shows for those who work in several (the first by default).
 */
export function useCentreChoice() {
  const { t } = useI18n();
  const centres = useSession().me?.centres ?? [];
  const [chosen, setChosen] = useState('');
  const centreId = Number(chosen) || centres[0]?.id || null;
  const select =
    centres.length > 1 ? (
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <CentreSelect label={t('calendar.centre')} value={centreId ?? ''} onChange={(e) => setChosen(e.target.value)} required />
        </div>
      </div>
    ) : null;
  const centre = centres.find((c) => c.id === centreId) ?? null;
  return { centreId, centre, select };
}

/** Hours as the report writes them: 810 h, 6 h 30 min. */
export function useFormatMinutes() {
  const { t, formatNumber } = useI18n();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0
      ? t('calendar.hours', { hours: formatNumber(hours) })
      : t('calendar.hoursMinutes', { hours: formatNumber(hours), minutes: rest });
  };
}

/** Hours typed by a person (6,5 or 6.5) as minutes, or NaN. */
export function minutesOfHours(text: string): number {
  const hours = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(hours) ? Number.NaN : Math.round(hours * 60);
}

/** Minutes as hours for a form field: 390 → "6.5". */
export function hoursOfMinutes(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The name of an ISO weekday (1 Monday … 7 Sunday) in the current language. */
export function useWeekdayName() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return (weekday: number) => format.format(new Date(Date.UTC(2024, 0, weekday, 12)));
}

/** Why a day is closed, in words. */
export function useClosedReason() {
  const { t } = useI18n();
  return (why: CalendarDay['closedBecause']) => {
    if (!why) return t('calendar.open');
    if (why.kind === 'holiday') return t('calendar.why.holiday', { name: why.name ?? '' });
    if (why.kind === 'closure') return t('calendar.why.closure', { reason: why.reason ?? '' });
    return t(`calendar.why.${why.kind}`);
  };
}

export const slotText = (slots: Slot[]) => slots.map((s) => `${s.from}–${s.to}`).join(', ');

/** A week of slots as a table: one row a weekday, «Chiuso» for the days without slots. */
export function WeekTable({ slots, caption }: { slots: Slot[]; caption: string }) {
  const { t } = useI18n();
  const weekdayName = useWeekdayName();
  return (
    <table className="table table-sm w-auto">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calendar.sets.weekday')}</th>
          <th scope="col">{t('calendar.sets.slots')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday) => {
          const ofDay = slots.filter((s) => s.weekday === weekday).sort((a, b) => a.from.localeCompare(b.from));
          return (
            <tr key={weekday}>
              <th scope="row" className="fw-normal text-capitalize">
                {weekdayName(weekday)}
              </th>
              <td>{ofDay.length > 0 ? slotText(ofDay) : t('calendar.closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

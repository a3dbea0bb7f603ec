import type { CalendarDay } from '../../../contracts/calendar.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { useClosedReason } from './shared.js';

/**
 * On the front desk: a warning when the visit's date and time fall outside the centre's opening
 * hours (allowed, as a catch-up, but flagged). One small request for the day; nothing when the
 * centre has no hours for that day.
 */
export function OpeningHoursWarning({ centreId, date, time }: { centreId: number | null; date: string; time: string }) {
  const { t } = useI18n();
  const closedReason = useClosedReason();
  const valid = centreId !== null && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const days = useApiGet<CalendarDay[]>(valid ? '/calendar/days' : null, valid ? { centreId, from: date, to: date } : undefined);
  const day = valid ? days.data?.find((d) => d.date === date) : undefined;
  if (!day?.hoursKnown || !/^\d{2}:\d{2}$/.test(time)) return null;
  const open = day.slots.some((slot) => slot.from <= time && time < slot.to);
  if (open) return null;
  const closedDay = day.closedBecause && day.closedBecause.kind !== 'no_hours';
  return (
    <div className="alert alert-warning" role="status" data-testid="outside-hours">
      {closedDay ? t('calendar.frontDesk.closedDay', { why: closedReason(day.closedBecause) }) : t('calendar.frontDesk.outside')}
    </div>
  );
}

/** What the centre does on a day of the calendar: its lessons, events, network meetings and the lawyer's sessions, each linked to its page. */
import { Link } from 'react-router';
import type { AgendaEntry } from '../../../contracts/calendar-agenda.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';

/** Where each kind of activity is seen in full. */
function pageOf(entry: AgendaEntry): string {
  if (entry.kind === 'lesson') return `/courses/${entry.courseId}`;
  if (entry.kind === 'event') return '/events';
  if (entry.kind === 'network_meeting') return '/network-meetings';
  return '/legal';
}

export function DayAgenda({ entries }: { entries: AgendaEntry[] | undefined }) {
  const { t } = useI18n();
  if (!entries || entries.length === 0) return null;
  return (
    <ul className="list-unstyled small mb-0 mt-1" data-testid="day-agenda">
      {entries.map((entry) => {
        const cancelled = entry.status === 'cancelled';
        const kind = t(`calendar.agenda.${entry.kind}` as MessageKey);
        return (
          <li key={`${entry.kind}-${entry.id}`} className="border-start border-3 border-primary ps-1 mb-1">
            {entry.startTime ? <span className="fw-semibold">{entry.startTime} </span> : null}
            <Link to={pageOf(entry)} className={cancelled ? 'text-decoration-line-through' : undefined}>
              {kind}
              {entry.title ? `: ${entry.title}` : ''}
            </Link>
            {cancelled ? <span> ({t('calendar.agenda.cancelled')})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

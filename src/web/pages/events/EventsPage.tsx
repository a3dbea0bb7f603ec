import type { Event, EventListItem, EventsSummary } from '../../../contracts/events.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { RecordsHeading } from '../../kit/index.js';
import { PeriodSection, usePeriodRecords } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { EventForm } from './parts/EventForm.js';
import { useRecordList } from './parts/shared.js';

const PAGE_SIZE = 50;

export default function EventsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const records = usePeriodRecords<EventsSummary, EventListItem>('/events', PAGE_SIZE);
  const { reload } = records;
  const writer = can('personal.write');
  usePageTitle(t('events.title'));

  const { change, editing, formKey, notice, done, actions } = useRecordList<EventListItem>({
    path: '/events',
    reload,
    titleId: 'events-title',
    listId: 'event-list',
    deleteConfirm: t('events.deleteConfirm'),
    deleted: t('events.deleted'),
    saved: t('events.saved'),
  });
  // The event being corrected, read whole (with its participants).
  const editingId = editing?.id ?? null;
  const full = useApiGet<Event>(editingId ? `/events/${editingId}` : null);
  const shown = editingId !== null && full.data?.id === editingId ? full.data : null;
  const time = (item: EventListItem) =>
    item.startTime
      ? item.endTime
        ? t('events.timeRange', { from: item.startTime, to: item.endTime })
        : item.startTime
      : t('person.notSet');

  return (
    <>
      <RecordsHeading id="events-title" texts="events" notice={notice} error={full.error} change={change} />
      {writer && (editingId === null || shown) ? (
        <EventForm key={`${formKey}-${shown ? `${shown.id}-${shown.version}` : 'new'}`} editing={shown} reload={reload} onDone={done} />
      ) : null}

      <PeriodSection
        id="event-list"
        texts="events"
        records={records}
        totalsTestId="event-totals"
        totals={(totals) => ({
          events: totals.events,
          participants: totals.participants,
          named: totals.namedParticipants,
          others: totals.otherParticipants,
          people: totals.distinctPeople,
        })}
        table={{
          rowName: (item) => item.title,
          columns: [
            { header: t('events.field.date'), cell: (item) => formatDate(item.date, true) },
            { header: t('events.time'), cell: time },
            { header: t('events.field.title'), rowHeader: true, className: 'fw-normal', cell: (item) => item.title },
            { header: t('events.field.place'), cell: (item) => item.place ?? t('person.notSet') },
            { header: t('events.named'), className: 'text-end', cell: (item) => formatNumber(item.namedParticipants) },
            { header: t('events.others'), className: 'text-end', cell: (item) => formatNumber(item.otherParticipants) },
            {
              header: t('events.invitation'),
              cell: (item) => (
                <a
                  className="btn btn-outline-primary btn-sm text-nowrap"
                  href={`/api/v1/events/${item.id}/invitation.pdf`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('events.print')}
                  <span className="visually-hidden"> {t('events.printOf', { title: item.title })}</span>
                </a>
              ),
            },
          ],
          actions: writer ? actions : undefined,
        }}
      />
    </>
  );
}

import { useState } from 'react';
import type { Event, EventListItem, EventsSummary } from '../../../contracts/events.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { focusLater, pagingOf, RecordTable, useChange, useConfirm } from '../../kit/index.js';
import { PeriodForm, usePeriod } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { EventForm } from './parts/EventForm.js';

const PAGE_SIZE = 50;

export default function EventsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<EventsSummary>('/events/summary', { from, to });
  const list = useApiGet<Page<EventListItem>>('/events', { from, to, page, pageSize: PAGE_SIZE });
  const [editingId, setEditingId] = useState<number | null>(null);
  // The event being corrected, read whole (with its participants).
  const editing = useApiGet<Event>(editingId ? `/events/${editingId}` : null);
  // A new key empties the form after a save.
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const writer = can('personal.write');
  usePageTitle(t('events.title'));

  const reload = () => {
    summary.reload();
    list.reload();
  };
  const change = useChange({ reload });
  const confirm = useConfirm();
  const shown = editingId !== null && editing.data?.id === editingId ? editing.data : null;

  const done = (saved: boolean) => {
    if (editingId !== null) focusLater('events-title');
    setEditingId(null);
    setFormKey((k) => k + 1);
    setNotice(saved ? t('events.saved') : null);
  };
  const remove = async (item: EventListItem) => {
    if (!(await confirm(t('events.deleteConfirm'), { confirmLabel: t('events.delete'), danger: true }))) return;
    setNotice(null);
    const sent = await change.send('DELETE', `/events/${item.id}`, undefined, {
      query: { version: item.version },
      success: t('events.deleted'),
      focus: 'event-list',
    });
    if (sent.ok && editingId === item.id) setEditingId(null);
  };
  const time = (item: EventListItem) =>
    item.startTime
      ? item.endTime
        ? t('events.timeRange', { from: item.startTime, to: item.endTime })
        : item.startTime
      : t('person.notSet');

  return (
    <>
      <h1 id="events-title" className="h2" tabIndex={-1}>
        {t('events.title')}
      </h1>
      <p>{t('events.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={editing.error} />
      {change.problem}
      {writer && (editingId === null || shown) ? (
        <EventForm key={`${formKey}-${shown ? `${shown.id}-${shown.version}` : 'new'}`} editing={shown} reload={reload} onDone={done} />
      ) : null}

      <section aria-labelledby="event-list">
        <h2 id="event-list" className="h4" tabIndex={-1}>
          {t('events.list')}
        </h2>
        <PeriodForm from={from} to={to} onApply={setPeriod} />
        <ProblemAlert error={summary.error ?? list.error} />
        {summary.data ? (
          <p className="h5" aria-live="polite" data-testid="event-totals">
            {t('events.totals', {
              events: formatNumber(summary.data.events),
              participants: formatNumber(summary.data.participants),
              named: formatNumber(summary.data.namedParticipants),
              others: formatNumber(summary.data.otherParticipants),
              people: formatNumber(summary.data.distinctPeople),
            })}
          </p>
        ) : null}
        {list.data ? (
          <RecordTable<EventListItem>
            caption={t('events.list')}
            captionHidden
            rows={list.data.items}
            rowKey={(item) => item.id}
            rowName={(item) => item.title}
            empty={t('events.none')}
            paging={pagingOf(list.data, setPage)}
            columns={[
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
            ]}
            actions={
              writer
                ? (item) => [
                    {
                      label: t('events.editAction'),
                      onClick: () => {
                        setNotice(null);
                        setEditingId(item.id);
                      },
                    },
                    { label: t('events.delete'), danger: true, onClick: () => remove(item) },
                  ]
                : undefined
            }
          />
        ) : null}
      </section>
    </>
  );
}

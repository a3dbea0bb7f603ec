import { type FormEvent, useRef, useState } from 'react';
import type { Event, EventListItem, EventParticipant, EventsSummary } from '../../../contracts/events.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { Pagination, TextAreaField, TextField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PeriodForm, personName, usePeriod } from '../activities/shared.js';

const PAGE_SIZE = 50;

/** The people of the centre taking part: the list chosen so far, and the search to add one. */
function ParticipantsField({
  participants,
  onChange,
  error,
}: {
  participants: EventParticipant[];
  onChange(participants: EventParticipant[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  return (
    <fieldset className="mb-3" aria-describedby={`event-participants-hint${error ? ' event-participants-error' : ''}`}>
      <legend className="form-label h6">{t('events.participants')}</legend>
      <p id="event-participants-hint" className="small mb-2">
        {t('events.participantsHint')}
      </p>
      {participants.length === 0 ? (
        <p>{t('events.participantsNone')}</p>
      ) : (
        <ul className="list-unstyled" data-testid="event-participants">
          {participants.map((person) => (
            <li key={person.id} className="d-flex justify-content-between align-items-center border-bottom py-1">
              <span>{personName(person)}</span>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                aria-label={t('events.removeWho', { name: personName(person) })}
                onClick={() => onChange(participants.filter((p) => p.id !== person.id))}
              >
                {t('events.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonSearch
        query={query}
        onQueryChange={setQuery}
        onSelect={(chosen) => {
          setQuery('');
          if (!participants.some((p) => p.id === chosen.id)) {
            onChange([...participants, { id: chosen.id, givenNames: chosen.givenNames, familyNames: chosen.familyNames }]);
          }
        }}
      />
      {error ? (
        <div id="event-participants-error" className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** A new event, or the one being corrected (sent back with the version it was read at). */
function EventForm({ editing, onSaved, onCancel }: { editing: Event | null; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [date, setDate] = useState(editing?.date ?? '');
  const [startTime, setStartTime] = useState(editing?.startTime ?? '');
  const [endTime, setEndTime] = useState(editing?.endTime ?? '');
  const [place, setPlace] = useState(editing?.place ?? '');
  const [meetingPoint, setMeetingPoint] = useState(editing?.meetingPoint ?? '');
  const [partner, setPartner] = useState(editing?.partner ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [participants, setParticipants] = useState<EventParticipant[]>(editing?.participants ?? []);
  const [others, setOthers] = useState(String(editing?.otherParticipants ?? 0));
  const [centreId, setCentreId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chooseCentre = !editing && (me?.centres.length ?? 0) > 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const fields = {
      title: title.trim(),
      date,
      startTime: startTime || null,
      endTime: endTime || null,
      place: place.trim() || null,
      meetingPoint: meetingPoint.trim() || null,
      partner: partner.trim() || null,
      description: description.trim() || null,
      participantIds: participants.map((p) => p.id),
      otherParticipants: Number(others) || 0,
    };
    try {
      if (editing) await api('PATCH', `/events/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/events', { ...fields, ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}) });
      setFieldErrors({});
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-lg-6">
          <TextField
            label={t('events.field.title')}
            required
            maxLength={200}
            value={title}
            error={fieldErrors.title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-2">
          <TextField
            label={t('events.field.date')}
            type="date"
            required
            hint={t('events.field.dateHint')}
            value={date}
            error={fieldErrors.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="col-sm-3 col-lg-2">
          <TextField
            label={t('events.field.startTime')}
            type="time"
            value={startTime}
            error={fieldErrors.startTime}
            onChange={(e) => setStartTime(e.target.value)}
          />
        </div>
        <div className="col-sm-3 col-lg-2">
          <TextField
            label={t('events.field.endTime')}
            type="time"
            value={endTime}
            error={fieldErrors.endTime}
            onChange={(e) => setEndTime(e.target.value)}
          />
        </div>
        <div className="col-lg-4">
          <TextField
            label={t('events.field.place')}
            maxLength={200}
            value={place}
            error={fieldErrors.place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
        <div className="col-lg-4">
          <TextField
            label={t('events.field.meetingPoint')}
            maxLength={200}
            value={meetingPoint}
            error={fieldErrors.meetingPoint}
            onChange={(e) => setMeetingPoint(e.target.value)}
          />
        </div>
        <div className="col-lg-4">
          <TextField
            label={t('events.field.partner')}
            maxLength={200}
            value={partner}
            error={fieldErrors.partner}
            onChange={(e) => setPartner(e.target.value)}
          />
        </div>
        {chooseCentre ? (
          <div className="col-lg-6">
            <CentreSelect
              label={t('events.centre')}
              required
              value={centreId}
              error={fieldErrors.centreId}
              onChange={(e) => setCentreId(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      <TextAreaField
        label={t('events.field.description')}
        maxLength={4000}
        value={description}
        error={fieldErrors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <ParticipantsField participants={participants} onChange={setParticipants} error={fieldErrors.participantIds} />
      <div className="row">
        <div className="col-sm-6 col-lg-4">
          <TextField
            label={t('events.field.otherParticipants')}
            type="number"
            inputMode="numeric"
            min={0}
            max={100000}
            value={others}
            error={fieldErrors.otherParticipants}
            onChange={(e) => setOthers(e.target.value)}
          />
        </div>
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('events.save')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export default function EventsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<EventsSummary>('/events/summary', { from, to });
  const list = useApiGet<Page<EventListItem>>('/events', { from, to, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Event | null>(null);
  // A new key empties the form after a save.
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const writer = can('personal.write');
  usePageTitle(t('events.title'));

  const reload = () => {
    summary.reload();
    list.reload();
  };
  const saved = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('events.saved'));
    setError(null);
    reload();
  };
  const edit = async (item: EventListItem) => {
    try {
      setEditing(await api<Event>('GET', `/events/${item.id}`));
      setNotice(null);
      setFormKey((k) => k + 1);
      formHeading.current?.focus();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const remove = async (item: EventListItem) => {
    if (!window.confirm(t('events.deleteConfirm'))) return;
    try {
      await api('DELETE', `/events/${item.id}`, undefined, { version: item.version });
      if (editing?.id === item.id) setEditing(null);
      setError(null);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const time = (item: EventListItem) =>
    item.startTime
      ? item.endTime
        ? t('events.timeRange', { from: item.startTime, to: item.endTime })
        : item.startTime
      : t('person.notSet');

  return (
    <>
      <h1 className="h2">{t('events.title')}</h1>
      <p>{t('events.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error} />
      {writer ? (
        <section className="border rounded p-3 mb-4" aria-labelledby="event-form-heading">
          <h2 id="event-form-heading" className="h4" ref={formHeading} tabIndex={-1}>
            {editing ? t('events.edit', { title: editing.title }) : t('events.record')}
          </h2>
          <EventForm key={formKey} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      ) : null}

      <section aria-labelledby="event-list">
        <h2 id="event-list" className="h4">
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
        {list.data && list.data.items.length === 0 ? <p>{t('events.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{t('events.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.field.date')}</th>
                    <th scope="col">{t('events.time')}</th>
                    <th scope="col">{t('events.field.title')}</th>
                    <th scope="col">{t('events.field.place')}</th>
                    <th scope="col" className="text-end">
                      {t('events.named')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('events.others')}
                    </th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={item.id}>
                      <td>{formatDate(item.date, true)}</td>
                      <td>{time(item)}</td>
                      <th scope="row" className="fw-normal">
                        {item.title}
                      </th>
                      <td>{item.place ?? t('person.notSet')}</td>
                      <td className="text-end">{formatNumber(item.namedParticipants)}</td>
                      <td className="text-end">{formatNumber(item.otherParticipants)}</td>
                      <td>
                        <div className="d-flex flex-wrap gap-2">
                          <a
                            className="btn btn-outline-primary btn-sm"
                            href={`/api/v1/events/${item.id}/invitation.pdf`}
                            target="_blank"
                            rel="noopener"
                          >
                            {t('events.print')}
                            <span className="visually-hidden"> {t('events.printOf', { title: item.title })}</span>
                          </a>
                          {writer ? (
                            <>
                              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => edit(item)}>
                                {t('events.editAction')}
                                <span className="visually-hidden"> {item.title}</span>
                              </button>
                              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(item)}>
                                {t('events.delete')}
                                <span className="visually-hidden"> {item.title}</span>
                              </button>
                            </>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}

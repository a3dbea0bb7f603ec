import { type FormEvent, useRef, useState } from 'react';
import type { NetworkMeeting, NetworkMeetingsSummary, NetworkOrganisation } from '../../../contracts/events.js';
import { NETWORK_ORGANISATION_KIND_LABELS } from '../../../contracts/labels.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { Pagination, TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PeriodForm, usePeriod } from '../activities/shared.js';

const PAGE_SIZE = 20;

/** The organisations as checkboxes: the active ones, and those the meeting names already. */
function OrganisationChoices({
  catalogue,
  chosen,
  onToggle,
  error,
}: {
  catalogue: NetworkOrganisation[];
  chosen: number[];
  onToggle(id: number): void;
  error?: string;
}) {
  const { t, locale } = useI18n();
  const offered = catalogue.filter((organisation) => organisation.active || chosen.includes(organisation.id));
  return (
    <fieldset className="mb-3" aria-describedby={`meeting-organisations-hint${error ? ' meeting-organisations-error' : ''}`}>
      <legend className="form-label h6">
        {t('events.meetings.organisations')}
        <span className="visually-hidden"> ({t('common.required')})</span>
        <span aria-hidden="true"> *</span>
      </legend>
      <p id="meeting-organisations-hint" className="small mb-2">
        {t('events.meetings.organisationsHint')}
      </p>
      <div className="topic-grid">
        {offered.map((organisation) => (
          <div className="form-check my-1" key={organisation.id}>
            <input
              id={`meeting-organisation-${organisation.id}`}
              type="checkbox"
              checked={chosen.includes(organisation.id)}
              onChange={() => onToggle(organisation.id)}
            />
            <label htmlFor={`meeting-organisation-${organisation.id}`}>
              {organisation.name}
              <span className="small"> · {NETWORK_ORGANISATION_KIND_LABELS[locale][organisation.kind]}</span>
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <div id="meeting-organisations-error" className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** A new meeting, or the one being corrected (sent back with the version it was read at). */
function MeetingForm({
  catalogue,
  editing,
  onSaved,
  onCancel,
}: {
  catalogue: NetworkOrganisation[];
  editing: NetworkMeeting | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const today = todayInRome();
  const [date, setDate] = useState(editing?.date ?? today);
  const [organisationIds, setOrganisationIds] = useState<number[]>(editing?.organisations.map((o) => o.id) ?? []);
  const [topic, setTopic] = useState(editing?.topic ?? '');
  const [outcome, setOutcome] = useState(editing?.outcome ?? '');
  const [centreId, setCentreId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chooseCentre = !editing && (me?.centres.length ?? 0) > 1;
  const toggle = (id: number) => setOrganisationIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const fields = { date, organisationIds, topic: topic.trim(), outcome: outcome.trim() || null };
    try {
      if (editing) await api('PATCH', `/network-meetings/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/network-meetings', { ...fields, ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}) });
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
    <form onSubmit={submit} noValidate data-testid="meeting-form">
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('events.meetings.date')}
            type="date"
            required
            max={today}
            value={date}
            error={fieldErrors.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="col-lg-9">
          <TextField
            label={t('events.meetings.topic')}
            required
            maxLength={300}
            value={topic}
            error={fieldErrors.topic}
            onChange={(e) => setTopic(e.target.value)}
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
      <OrganisationChoices catalogue={catalogue} chosen={organisationIds} onToggle={toggle} error={fieldErrors.organisationIds} />
      <TextAreaField
        label={t('events.meetings.outcome')}
        maxLength={4000}
        value={outcome}
        error={fieldErrors.outcome}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('events.meetings.save')}
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

function ByOrganisationTable({ summary }: { summary: NetworkMeetingsSummary }) {
  const { t, formatNumber } = useI18n();
  return (
    <table className="table table-sm w-auto">
      <caption className="caption-top h6 text-body">
        {t('events.meetings.byOrganisation')}
        <span className="d-block small fw-normal">{t('events.meetings.byOrganisationNote')}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('events.meetings.organisation')}</th>
          <th scope="col" className="text-end">
            {t('events.meetings.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.byOrganisation.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="fw-normal">
              {row.name}
            </th>
            <td className="text-end">{formatNumber(row.meetings)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function NetworkMeetingsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const reader = can('personal.read');
  const writer = can('personal.write');
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<NetworkMeetingsSummary>('/network-meetings/summary', { from, to });
  const list = useApiGet<Page<NetworkMeeting>>(reader ? '/network-meetings' : null, { from, to, page, pageSize: PAGE_SIZE });
  const catalogue = useApiGet<NetworkOrganisation[]>(writer ? '/network-organisations' : null);
  const [editing, setEditing] = useState<NetworkMeeting | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('events.meetings.title'));

  const reload = () => {
    summary.reload();
    list.reload();
  };
  const saved = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('events.meetings.saved'));
    setError(null);
    reload();
  };
  const edit = (meeting: NetworkMeeting) => {
    setEditing(meeting);
    setNotice(null);
    setFormKey((k) => k + 1);
    formHeading.current?.focus();
  };
  const remove = async (meeting: NetworkMeeting) => {
    if (!window.confirm(t('events.meetings.deleteConfirm'))) return;
    try {
      await api('DELETE', `/network-meetings/${meeting.id}`, undefined, { version: meeting.version });
      if (editing?.id === meeting.id) setEditing(null);
      setError(null);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('events.meetings.title')}</h1>
      <p>{t('events.meetings.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? catalogue.error} />
      {writer && catalogue.data ? (
        <section className="border rounded p-3 mb-4" aria-labelledby="meeting-form-heading">
          <h2 id="meeting-form-heading" className="h4" ref={formHeading} tabIndex={-1}>
            {editing ? t('events.meetings.edit', { date: formatDate(editing.date) }) : t('events.meetings.record')}
          </h2>
          <MeetingForm key={formKey} catalogue={catalogue.data} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      ) : null}

      <section aria-labelledby="meeting-list">
        <h2 id="meeting-list" className="h4">
          {t('events.meetings.list')}
        </h2>
        <PeriodForm from={from} to={to} onApply={setPeriod} />
        <ProblemAlert error={summary.error ?? list.error} />
        {summary.data ? (
          <>
            <p className="h5" aria-live="polite" data-testid="meeting-totals">
              {t('events.meetings.total', { count: formatNumber(summary.data.meetings) })}
            </p>
            <ByOrganisationTable summary={summary.data} />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t('events.meetings.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{t('events.meetings.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.meetings.date')}</th>
                    <th scope="col">{t('events.meetings.organisations')}</th>
                    <th scope="col">{t('events.meetings.topic')}</th>
                    <th scope="col">{t('events.meetings.outcome')}</th>
                    {writer ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((meeting) => (
                    <tr key={meeting.id}>
                      <td>{formatDate(meeting.date, true)}</td>
                      <td>{meeting.organisations.map((o) => o.name).join(', ')}</td>
                      <td>{meeting.topic}</td>
                      <td className="text-break">{meeting.outcome ?? t('person.notSet')}</td>
                      {writer ? (
                        <td>
                          <div className="d-flex gap-2">
                            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => edit(meeting)}>
                              {t('events.editAction')}
                              <span className="visually-hidden"> {formatDate(meeting.date)}</span>
                            </button>
                            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(meeting)}>
                              {t('events.delete')}
                              <span className="visually-hidden"> {formatDate(meeting.date)}</span>
                            </button>
                          </div>
                        </td>
                      ) : null}
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

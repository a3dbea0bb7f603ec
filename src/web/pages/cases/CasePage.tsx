import { type FormEvent, useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Case, CaseAction, CaseGoal, CaseNote, Referral } from '../../../contracts/cases.js';
import {
  ACTION_STATUSES,
  CASE_CLOSING_REASONS,
  type CaseArea,
  GOAL_STATUSES,
  NOTE_RESTRICTIONS,
  REFERRAL_DIRECTIONS,
  REFERRAL_SERVICES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
} from '../../../contracts/enums.js';
import {
  ACTION_STATUS_LABELS,
  CASE_AREA_LABELS,
  CASE_CLOSING_REASON_LABELS,
  CASE_STATUS_LABELS,
  GOAL_STATUS_LABELS,
  NOTE_RESTRICTION_LABELS,
  REFERRAL_DIRECTION_LABELS,
  REFERRAL_LABELS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_STATUS_LABELS,
} from '../../../contracts/labels.js';
import { canChangeResponsible, isOverdue } from '../../../domain/care.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { AreasFieldset, CaseProblem, caseTitle, relationLabel, type StaffMember, useStaff } from './parts.js';

type Method = 'POST' | 'PATCH' | 'DELETE';

/**
 * Sends a change and reloads the case. Each section keeps its own error, shown next to it,
 * with a reload button when someone changed the case meanwhile (409).
 */
function useChange(reload: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const send = useCallback(
    async (method: Method, path: string, body?: unknown): Promise<boolean> => {
      setError(null);
      try {
        await api(method, path, body);
        reload();
        return true;
      } catch (e) {
        setError(e as ApiError);
        return false;
      }
    },
    [reload],
  );
  return { send, error, fieldErrors: error?.fieldErrors() ?? {}, problem: <CaseProblem error={error} onReload={reload} /> };
}

/** Blank text becomes null (cleared); otherwise trimmed. */
const orNull = (text: string) => (text.trim() ? text.trim() : null);

// ---------------------------------------------------------------------------------------------
// Details
// ---------------------------------------------------------------------------------------------

function DetailsForm({ c, staff, reload, onDone }: { c: Case; staff: StaffMember[]; reload(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const { me } = useSession();
  // Only the coordinator, or the responsible operator handing over, names another one (the server checks it too).
  const mayHandOver = me ? canChangeResponsible({ userId: me.id, role: me.role }, c.responsible?.id ?? null) : false;
  const [responsibleId, setResponsibleId] = useState(c.responsible ? String(c.responsible.id) : '');
  const [areas, setAreas] = useState<CaseArea[]>(c.areas);
  const [referralSource, setReferralSource] = useState<string>(c.referralSource);
  const [summary, setSummary] = useState(c.summary ?? '');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send('PATCH', `/cases/${c.id}`, {
      version: c.version,
      ...(mayHandOver && responsibleId ? { responsibleId: Number(responsibleId) } : {}),
      areas,
      referralSource,
      summary: orNull(summary),
    });
    if (ok) onDone();
  };
  return (
    <form onSubmit={save} className="border rounded p-3 mb-3" noValidate>
      {problem}
      <div className="row">
        <div className="col-md-6">
          {mayHandOver ? (
            <SelectField
              label={t('cases.responsible')}
              required
              value={responsibleId}
              onChange={(e) => setResponsibleId(e.target.value)}
              error={fieldErrors.responsibleId}
            >
              <option value="">{t('common.choose')}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </SelectField>
          ) : (
            <dl className="mb-3">
              <dt>{t('cases.responsible')}</dt>
              <dd className="mb-0">{c.responsible?.displayName ?? t('cases.nobody')}</dd>
              <dd className="small text-muted mb-0">{t('cases.responsible.coordinatorOnly')}</dd>
            </dl>
          )}
        </div>
        <div className="col-md-6">
          <SelectField label={t('cases.referralSource')} value={referralSource} onChange={(e) => setReferralSource(e.target.value)}>
            {REFERRAL_SOURCES.map((r) => (
              <option key={r} value={r}>
                {REFERRAL_LABELS[locale][r]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <AreasFieldset idPrefix={`case-${c.id}`} value={areas} onChange={setAreas} error={fieldErrors.areas} />
      <TextAreaField
        label={t('cases.summary')}
        maxLength={4000}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={fieldErrors.summary}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary">
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Periods({ c }: { c: Case }) {
  const { t, locale, formatDate } = useI18n();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('cases.periods')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.period.from')}</th>
            <th scope="col">{t('cases.period.to')}</th>
            <th scope="col">{t('cases.period.reason')}</th>
            <th scope="col">{t('cases.period.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {c.periods.map((p) => (
            <tr key={p.id}>
              <td>{formatDate(p.openedOn)}</td>
              <td>{p.closedOn ? formatDate(p.closedOn) : t('cases.period.current')}</td>
              <td>{p.closingReason ? CASE_CLOSING_REASON_LABELS[locale][p.closingReason] : ''}</td>
              <td>{p.closingNotes ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

function ActionRow({ action, reload, canWrite }: { action: CaseAction; reload(): void; canWrite: boolean }) {
  const { t, locale, formatDate } = useI18n();
  const { send, problem } = useChange(reload);
  const [status, setStatus] = useState<string>(action.status);
  const overdue = isOverdue(action, todayInRome());
  const remove = () => {
    if (window.confirm(t('cases.action.deleteConfirm'))) void send('DELETE', `/actions/${action.id}?version=${action.version}`);
  };
  return (
    <tr>
      <td>
        {action.description}
        {problem}
      </td>
      <td>{action.assignee?.displayName ?? action.assigneeName ?? ''}</td>
      <td>
        {action.dueOn ? formatDate(action.dueOn) : ''}
        {overdue ? <span className="badge bg-danger ms-2">{t('cases.action.overdue')}</span> : null}
      </td>
      <td>
        {canWrite ? (
          <form
            className="d-flex gap-2 align-items-center"
            onSubmit={(e) => {
              e.preventDefault();
              void send('PATCH', `/actions/${action.id}`, { version: action.version, status });
            }}
          >
            <select
              className="form-select form-select-sm"
              aria-label={`${t('cases.action.status')}: ${action.description}`}
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[locale][s]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-outline-primary btn-sm text-nowrap">
              {t('cases.action.save')}
            </button>
          </form>
        ) : (
          ACTION_STATUS_LABELS[locale][action.status]
        )}
        {action.doneOn ? <small className="d-block">{t('cases.action.doneOn', { date: formatDate(action.doneOn) })}</small> : null}
      </td>
      {canWrite ? (
        <td>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={remove}>
            {t('cases.action.delete')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function AddActionForm({ goal, staff, reload }: { goal: CaseGoal; staff: StaffMember[]; reload(): void }) {
  const { t } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const empty = { description: '', assigneeId: '', assigneeName: '', dueOn: '' };
  const [form, setForm] = useState(empty);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send('POST', `/goals/${goal.id}/actions`, {
      description: form.description.trim(),
      assigneeId: form.assigneeId ? Number(form.assigneeId) : null,
      assigneeName: form.assigneeId ? null : orNull(form.assigneeName),
      dueOn: form.dueOn || null,
    });
    if (ok) setForm(empty);
  };
  return (
    <form onSubmit={add} className="border rounded p-2 mb-2" aria-label={`${t('cases.action.add')}: ${goal.title}`} noValidate>
      {problem}
      <div className="row align-items-end">
        <div className="col-md-4">
          <TextField
            label={t('cases.action.description')}
            required
            maxLength={1000}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
            error={fieldErrors.description}
          />
        </div>
        <div className="col-md-3">
          <SelectField
            label={t('cases.action.assignee')}
            value={form.assigneeId}
            onChange={(e) => setForm({ ...form, assigneeId: e.target.value })}
            error={fieldErrors.assigneeId}
          >
            <option value="">{t('cases.action.noOperator')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-3">
          <TextField
            label={t('cases.action.assigneeName')}
            maxLength={200}
            disabled={Boolean(form.assigneeId)}
            value={form.assigneeName}
            onChange={(e) => setForm({ ...form, assigneeName: e.target.value })}
            error={fieldErrors.assigneeName}
          />
        </div>
        <div className="col-md-2">
          <TextField
            label={t('cases.action.due')}
            type="date"
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
            error={fieldErrors.dueOn}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm">
        {t('cases.action.add')}
      </button>
    </form>
  );
}

function GoalEditForm({ goal, reload, onDone }: { goal: CaseGoal; reload(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const [title, setTitle] = useState(goal.title);
  const [description, setDescription] = useState(goal.description ?? '');
  const [status, setStatus] = useState<string>(goal.status);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await send('PATCH', `/goals/${goal.id}`, { version: goal.version, title: title.trim(), description: orNull(description), status }))
      onDone();
  };
  return (
    <form onSubmit={save} className="mb-2" noValidate>
      {problem}
      <div className="row">
        <div className="col-md-8">
          <TextField
            label={t('cases.goal.title')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldErrors.title}
          />
        </div>
        <div className="col-md-4">
          <SelectField label={t('cases.goal.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {GOAL_STATUS_LABELS[locale][s]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextAreaField
        label={t('cases.goal.description')}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Goal({ goal, staff, reload, canWrite }: { goal: CaseGoal; staff: StaffMember[]; reload(): void; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const { send, problem } = useChange(reload);
  const [editing, setEditing] = useState(false);
  const remove = () => {
    if (window.confirm(t('cases.goal.deleteConfirm', { title: goal.title })))
      void send('DELETE', `/goals/${goal.id}?version=${goal.version}`);
  };
  return (
    <article className="border rounded p-3 mb-3" aria-labelledby={`goal-${goal.id}`}>
      {problem}
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2">
        <h3 id={`goal-${goal.id}`} className="h5">
          {goal.title} <span className="badge bg-secondary">{GOAL_STATUS_LABELS[locale][goal.status]}</span>
        </h3>
        {canWrite && !editing ? (
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
              {t('cases.goal.edit')}
            </button>
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={remove}>
              {t('cases.goal.delete')}
            </button>
          </div>
        ) : null}
      </div>
      {editing ? <GoalEditForm goal={goal} reload={reload} onDone={() => setEditing(false)} /> : null}
      {!editing && goal.description ? <p>{goal.description}</p> : null}
      {goal.actions.length === 0 ? <p>{t('cases.goal.noActions')}</p> : null}
      {goal.actions.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{goal.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.action.description')}</th>
                <th scope="col">{t('cases.overdue.assignee')}</th>
                <th scope="col">{t('cases.action.due')}</th>
                <th scope="col">{t('cases.action.status')}</th>
                {canWrite ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {goal.actions.map((a) => (
                <ActionRow key={`${a.id}-${a.version}`} action={a} reload={reload} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite ? <AddActionForm goal={goal} staff={staff} reload={reload} /> : null}
    </article>
  );
}

function AddGoalForm({ caseId, reload }: { caseId: number; reload(): void }) {
  const { t } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await send('POST', `/cases/${caseId}/goals`, { title: title.trim(), description: orNull(description) })) {
      setTitle('');
      setDescription('');
    }
  };
  return (
    <form onSubmit={add} className="border rounded p-3 mb-3" aria-labelledby="add-goal-title" noValidate>
      <h3 id="add-goal-title" className="h6">
        {t('cases.goal.add')}
      </h3>
      {problem}
      <TextField
        label={t('cases.goal.title')}
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        label={t('cases.goal.description')}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary">
        {t('cases.goal.add')}
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The diary
// ---------------------------------------------------------------------------------------------

function NoteFields({
  value,
  onChange,
  fieldErrors,
  idPrefix,
}: {
  value: { noteDate: string; body: string; restriction: string };
  onChange(next: { noteDate: string; body: string; restriction: string }): void;
  fieldErrors: Record<string, string>;
  idPrefix: string;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="row">
        <div className="col-md-4">
          <TextField
            id={`${idPrefix}-date`}
            label={t('cases.note.date')}
            type="date"
            required
            max={todayInRome()}
            value={value.noteDate}
            onChange={(e) => onChange({ ...value, noteDate: e.target.value })}
            error={fieldErrors.noteDate}
          />
        </div>
        <div className="col-md-8">
          <SelectField
            id={`${idPrefix}-restriction`}
            label={t('cases.note.restriction')}
            hint={t('cases.note.restrictionHint')}
            value={value.restriction}
            onChange={(e) => onChange({ ...value, restriction: e.target.value })}
          >
            <option value="">{t('cases.note.unrestricted')}</option>
            {NOTE_RESTRICTIONS.map((r) => (
              <option key={r} value={r}>
                {NOTE_RESTRICTION_LABELS[locale][r]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextAreaField
        id={`${idPrefix}-body`}
        label={t('cases.note.body')}
        required
        rows={4}
        maxLength={10_000}
        value={value.body}
        onChange={(e) => onChange({ ...value, body: e.target.value })}
        error={fieldErrors.body}
      />
    </>
  );
}

function Note({ note, reload }: { note: CaseNote; reload(): void }) {
  const { t, locale, formatDate } = useI18n();
  const { me } = useSession();
  const { send, problem, fieldErrors } = useChange(reload);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ noteDate: note.noteDate, body: note.body, restriction: note.restriction ?? '' });
  const canEdit = me !== null && (me.role === 'coordinator' || me.id === note.author?.id);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send('PATCH', `/notes/${note.id}`, {
      version: note.version,
      noteDate: form.noteDate,
      body: form.body.trim(),
      restriction: form.restriction || null,
    });
    if (ok) setEditing(false);
  };
  const remove = () => {
    if (window.confirm(t('cases.note.deleteConfirm'))) void send('DELETE', `/notes/${note.id}?version=${note.version}`);
  };
  return (
    <li className="border-bottom py-2">
      {problem}
      <p className="small mb-1">
        <strong>{t('cases.note.by', { date: formatDate(note.noteDate), author: note.author?.displayName ?? '—' })}</strong>
        {note.restriction ? (
          <span className="badge bg-warning text-dark ms-2">{NOTE_RESTRICTION_LABELS[locale][note.restriction]}</span>
        ) : null}
      </p>
      {editing ? (
        <form onSubmit={save} noValidate>
          <NoteFields idPrefix={`note-${note.id}`} value={form} onChange={setForm} fieldErrors={fieldErrors} />
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary btn-sm">
              {t('common.save')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </p>
      )}
      {canEdit && !editing ? (
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setEditing(true)}>
            {t('cases.note.edit')}
          </button>
          <button type="button" className="btn btn-link btn-sm p-0 text-danger" onClick={remove}>
            {t('cases.note.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function AddNoteForm({ caseId, reload }: { caseId: number; reload(): void }) {
  const { t } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const empty = { noteDate: todayInRome(), body: '', restriction: '' };
  const [form, setForm] = useState(empty);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send('POST', `/cases/${caseId}/notes`, {
      noteDate: form.noteDate,
      body: form.body.trim(),
      restriction: form.restriction || null,
    });
    if (ok) setForm(empty);
  };
  return (
    <form onSubmit={add} className="border rounded p-3 mb-3" aria-labelledby="add-note-title" noValidate>
      <h3 id="add-note-title" className="h6">
        {t('cases.note.add')}
      </h3>
      {problem}
      <NoteFields idPrefix="new-note" value={form} onChange={setForm} fieldErrors={fieldErrors} />
      <button type="submit" className="btn btn-outline-primary">
        {t('cases.note.add')}
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Referrals
// ---------------------------------------------------------------------------------------------

function ReferralRow({ referral, reload, canWrite }: { referral: Referral; reload(): void; canWrite: boolean }) {
  const { t, locale, formatDate } = useI18n();
  const { send, problem } = useChange(reload);
  const [status, setStatus] = useState<string>(referral.status);
  const remove = () => {
    if (window.confirm(t('cases.referral.deleteConfirm'))) void send('DELETE', `/referrals/${referral.id}?version=${referral.version}`);
  };
  return (
    <tr>
      <td>{formatDate(referral.referredOn)}</td>
      <td>{REFERRAL_DIRECTION_LABELS[locale][referral.direction]}</td>
      <td>
        {REFERRAL_SERVICE_LABELS[locale][referral.service]}
        {referral.serviceDetail ? <small className="d-block">{referral.serviceDetail}</small> : null}
      </td>
      <td>
        {referral.reason}
        {referral.notes ? <small className="d-block">{referral.notes}</small> : null}
        {problem}
      </td>
      <td>
        {canWrite ? (
          <form
            className="d-flex gap-2 align-items-center"
            onSubmit={(e) => {
              e.preventDefault();
              void send('PATCH', `/referrals/${referral.id}`, { version: referral.version, status });
            }}
          >
            <select
              className="form-select form-select-sm"
              aria-label={`${t('cases.referral.status')}: ${referral.reason}`}
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            >
              {REFERRAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {REFERRAL_STATUS_LABELS[locale][s]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-outline-primary btn-sm text-nowrap">
              {t('cases.referral.save')}
            </button>
          </form>
        ) : (
          REFERRAL_STATUS_LABELS[locale][referral.status]
        )}
      </td>
      {canWrite ? (
        <td>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={remove}>
            {t('cases.referral.delete')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function AddReferralForm({ caseId, reload }: { caseId: number; reload(): void }) {
  const { t, locale } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const empty = { direction: 'outgoing', service: '', serviceDetail: '', referredOn: todayInRome(), reason: '', status: 'sent', notes: '' };
  const [form, setForm] = useState(empty);
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send('POST', `/cases/${caseId}/referrals`, {
      ...form,
      serviceDetail: orNull(form.serviceDetail),
      reason: form.reason.trim(),
      notes: orNull(form.notes),
    });
    if (ok) setForm(empty);
  };
  return (
    <form onSubmit={add} className="border rounded p-3 mb-3" aria-labelledby="add-referral-title" noValidate>
      <h3 id="add-referral-title" className="h6">
        {t('cases.referral.add')}
      </h3>
      {problem}
      <div className="row">
        <div className="col-md-4">
          <SelectField label={t('cases.referral.direction')} required value={form.direction} onChange={set('direction')}>
            {REFERRAL_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {REFERRAL_DIRECTION_LABELS[locale][d]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField
            label={t('cases.referral.service')}
            required
            value={form.service}
            onChange={set('service')}
            error={fieldErrors.service}
          >
            <option value="">{t('common.choose')}</option>
            {REFERRAL_SERVICES.map((s) => (
              <option key={s} value={s}>
                {REFERRAL_SERVICE_LABELS[locale][s]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField label={t('cases.referral.serviceDetail')} maxLength={200} value={form.serviceDetail} onChange={set('serviceDetail')} />
        </div>
        <div className="col-md-4">
          <TextField
            label={t('cases.referral.date')}
            type="date"
            required
            max={todayInRome()}
            value={form.referredOn}
            onChange={set('referredOn')}
            error={fieldErrors.referredOn}
          />
        </div>
        <div className="col-md-4">
          <SelectField label={t('cases.referral.status')} value={form.status} onChange={set('status')}>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REFERRAL_STATUS_LABELS[locale][s]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextField
        label={t('cases.referral.reason')}
        required
        maxLength={1000}
        value={form.reason}
        onChange={set('reason')}
        error={fieldErrors.reason}
      />
      <TextAreaField label={t('cases.referral.notes')} maxLength={2000} value={form.notes} onChange={set('notes')} />
      <button type="submit" className="btn btn-outline-primary">
        {t('cases.referral.add')}
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Closing and reopening
// ---------------------------------------------------------------------------------------------

function CloseForm({ c, reload }: { c: Case; reload(): void }) {
  const { t, locale } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const [closedOn, setClosedOn] = useState(todayInRome());
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const close = (event: FormEvent) => {
    event.preventDefault();
    void send('POST', `/cases/${c.id}/close`, { version: c.version, closedOn, reason, notes: orNull(notes) });
  };
  return (
    <form onSubmit={close} className="border rounded p-3" aria-labelledby="close-title" noValidate>
      <h2 id="close-title" className="h4">
        {t('cases.close')}
      </h2>
      {problem}
      <div className="row">
        <div className="col-md-4">
          <TextField
            label={t('cases.close.date')}
            type="date"
            required
            max={todayInRome()}
            value={closedOn}
            onChange={(e) => setClosedOn(e.target.value)}
            error={fieldErrors.closedOn}
          />
        </div>
        <div className="col-md-8">
          <SelectField
            label={t('cases.close.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={fieldErrors.reason}
          >
            <option value="">{t('common.choose')}</option>
            {CASE_CLOSING_REASONS.map((r) => (
              <option key={r} value={r}>
                {CASE_CLOSING_REASON_LABELS[locale][r]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextAreaField label={t('cases.close.notes')} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <button type="submit" className="btn btn-outline-danger">
        {t('cases.close.submit')}
      </button>
    </form>
  );
}

function ReopenForm({ c, reload }: { c: Case; reload(): void }) {
  const { t } = useI18n();
  const { send, problem, fieldErrors } = useChange(reload);
  const [openedOn, setOpenedOn] = useState(todayInRome());
  const reopen = (event: FormEvent) => {
    event.preventDefault();
    void send('POST', `/cases/${c.id}/reopen`, { version: c.version, openedOn });
  };
  return (
    <form onSubmit={reopen} className="border rounded p-3" aria-labelledby="reopen-title" noValidate>
      <h2 id="reopen-title" className="h4">
        {t('cases.reopen')}
      </h2>
      <p>{t('cases.reopen.intro')}</p>
      {problem}
      <div className="row">
        <div className="col-md-4">
          <TextField
            label={t('cases.reopen.date')}
            type="date"
            required
            max={todayInRome()}
            value={openedOn}
            onChange={(e) => setOpenedOn(e.target.value)}
            error={fieldErrors.openedOn}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {t('cases.reopen.submit')}
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

export default function CasePage() {
  const { id } = useParams();
  const { t, locale, formatDate } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const found = useApiGet<Case>(`/cases/${id}`);
  const c = found.data;
  const staff = useStaff(c?.centreId);
  const [editing, setEditing] = useState(false);
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;
  const canWrite = can('personal.write');
  usePageTitle(c ? `${t('cases.page.title')}: ${caseTitle(c, t)}` : t('cases.page.title'));
  const reload = found.reload;

  if (found.error && !c) return <ProblemAlert error={found.error} />;
  if (!c) return <p>{t('app.loading')}</p>;

  const facts: Array<[MessageKey, string]> = [
    ['cases.responsible', c.responsible?.displayName ?? t('cases.nobody')],
    ['cases.areas', c.areas.map((a) => CASE_AREA_LABELS[locale][a]).join(', ')],
    ['cases.referralSource', REFERRAL_LABELS[locale][c.referralSource]],
    ['cases.openedOn', formatDate(c.openedOn)],
    ...(c.closedOn ? [['cases.closedOn', formatDate(c.closedOn)] as [MessageKey, string]] : []),
    [
      'cases.members',
      c.members
        .map((m) =>
          m.person
            ? `${m.person.givenNames} ${m.person.familyNames}${m.relation ? ` (${relationLabel(m.relation, locale)})` : ''}`
            : t('cases.erased'),
        )
        .join(', '),
    ],
  ];

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : null} />
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <div>
          <p className="text-uppercase small mb-1">{t('cases.page.title')}</p>
          <h1 className="h2">
            {caseTitle(c, t)}{' '}
            <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'} fs-6 align-middle`}>
              {CASE_STATUS_LABELS[locale][c.status]}
            </span>
          </h1>
        </div>
        <div className="d-flex gap-2 flex-wrap">
          {c.person ? (
            <Link to={`/people/${c.person.id}`} className="btn btn-outline-primary">
              {t('cases.page.personFile')}
            </Link>
          ) : null}
          {canWrite && !editing ? (
            <button type="button" className="btn btn-outline-primary" onClick={() => setEditing(true)}>
              {t('cases.details.edit')}
            </button>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="visually-hidden">
          {t('cases.details')}
        </h2>
        {editing ? (
          <DetailsForm key={c.version} c={c} staff={staff.data ?? []} reload={reload} onDone={() => setEditing(false)} />
        ) : (
          <>
            <dl className="row">
              {facts.map(([label, value]) => (
                <div className="col-sm-6 col-lg-4 mb-2" key={label}>
                  <dt>{t(label)}</dt>
                  <dd className="mb-0">{value}</dd>
                </div>
              ))}
            </dl>
            {c.summary ? (
              <>
                <h3 className="h6">{t('cases.summary')}</h3>
                <p style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</p>
              </>
            ) : null}
          </>
        )}
        <Periods c={c} />
      </section>

      <section aria-labelledby="plan-title" className="mt-4">
        <h2 id="plan-title" className="h3">
          {t('cases.plan')}
        </h2>
        {c.goals.length === 0 ? <p>{t('cases.plan.none')}</p> : null}
        {c.goals.map((goal) => (
          <Goal key={`${goal.id}-${goal.version}`} goal={goal} staff={staff.data ?? []} reload={reload} canWrite={canWrite} />
        ))}
        {canWrite ? <AddGoalForm caseId={c.id} reload={reload} /> : null}
      </section>

      <section aria-labelledby="diary-title" className="mt-4">
        <h2 id="diary-title" className="h3">
          {t('cases.diary')}
        </h2>
        {canWrite ? <AddNoteForm caseId={c.id} reload={reload} /> : null}
        {c.hiddenNotes > 0 ? <p className="fst-italic">{t('cases.diary.hidden', { count: c.hiddenNotes })}</p> : null}
        {c.notes.length === 0 ? <p>{t('cases.diary.none')}</p> : null}
        <ul className="list-unstyled">
          {c.notes.map((note) => (
            <Note key={`${note.id}-${note.version}`} note={note} reload={reload} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="referrals-title" className="mt-4">
        <h2 id="referrals-title" className="h3">
          {t('cases.referrals')}
        </h2>
        {c.referrals.length === 0 ? <p>{t('cases.referrals.none')}</p> : null}
        {c.referrals.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('cases.referrals')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.referral.date')}</th>
                  <th scope="col">{t('cases.referral.direction')}</th>
                  <th scope="col">{t('cases.referral.service')}</th>
                  <th scope="col">{t('cases.referral.reason')}</th>
                  <th scope="col">{t('cases.referral.status')}</th>
                  {canWrite ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {c.referrals.map((r) => (
                  <ReferralRow key={`${r.id}-${r.version}`} referral={r} reload={reload} canWrite={canWrite} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canWrite ? <AddReferralForm caseId={c.id} reload={reload} /> : null}
      </section>

      {canWrite ? (
        <section className="mt-4" key={`${c.status}-${c.version}`}>
          {c.status === 'open' ? <CloseForm c={c} reload={reload} /> : <ReopenForm c={c} reload={reload} />}
        </section>
      ) : null}
    </>
  );
}

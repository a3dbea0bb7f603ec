import { type FormEvent, useRef, useState } from 'react';
import type { CaseOption, LegalConsultation, LegalConsultationListItem, LegalSummary } from '../../../contracts/activities.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api, type Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { Pagination, TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PeriodForm, usePeriod } from './shared.js';

const PAGE_SIZE = 20;

function CaseChoices({
  options,
  chosen,
  onToggle,
  error,
}: {
  options: CaseOption[];
  chosen: number[];
  onToggle(id: number): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="mb-3" aria-describedby={`legal-cases-hint${error ? ' legal-cases-error' : ''}`}>
      <legend className="form-label h6">{t('activities.legal.cases')}</legend>
      <p id="legal-cases-hint" className="small mb-2">
        {t('activities.legal.casesHint')}
      </p>
      {options.length === 0 ? <p>{t('activities.legal.noCases')}</p> : null}
      <div className="topic-grid">
        {options.map((option) => (
          <div className="form-check my-1" key={option.id}>
            <input
              id={`legal-case-${option.id}`}
              type="checkbox"
              checked={chosen.includes(option.id)}
              onChange={() => onToggle(option.id)}
            />
            <label htmlFor={`legal-case-${option.id}`}>
              {option.name ?? t('activities.legal.case', { id: option.id })}
              {option.kind === 'household' ? ` (${t('activities.legal.household')})` : ''}
              <span className="small"> · {t('activities.legal.case', { id: option.id })}</span>
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <div id="legal-cases-error" className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** A new consultation, or the one being corrected (sent back with the version it was read at). */
function LegalForm({ editing, onSaved, onCancel }: { editing: LegalConsultation | null; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const today = todayInRome();
  const [date, setDate] = useState(editing?.date ?? today);
  const [minutes, setMinutes] = useState(editing ? String(editing.minutes) : '');
  const [lawyerName, setLawyerName] = useState(editing?.lawyerName ?? '');
  const [caseIds, setCaseIds] = useState<number[]>(editing?.cases.map((c) => c.id) ?? []);
  const [questions, setQuestions] = useState(editing?.questions ?? '');
  const [guidance, setGuidance] = useState(editing?.guidance ?? '');
  const [centreId, setCentreId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chooseCentre = !editing && (me?.centres.length ?? 0) > 1;
  const centre = editing ? editing.centreId : chooseCentre ? Number(centreId) || null : (me?.centres[0]?.id ?? null);
  const options = useApiGet<CaseOption[]>(centre ? '/legal-consultations/case-options' : null, centre ? { centreId: centre } : undefined);
  // The cases already named stay offered, even if closed since.
  const offered = [...(editing?.cases ?? []), ...(options.data ?? []).filter((o) => !editing?.cases.some((c) => c.id === o.id))];

  const toggle = (id: number) => setCaseIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const fields = {
      date,
      minutes: Number(minutes),
      lawyerName: lawyerName.trim() || null,
      caseIds,
      questions: questions.trim(),
      guidance: guidance.trim() || null,
    };
    try {
      if (editing) await api('PATCH', `/legal-consultations/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/legal-consultations', { ...fields, ...(chooseCentre && centreId ? { centreId: Number(centreId) } : {}) });
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error ?? options.error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('activities.date')}
            type="date"
            required
            max={today}
            value={date}
            error={fieldErrors.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('activities.legal.minutes')}
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={600}
            value={minutes}
            error={fieldErrors.minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="col-lg-6">
          <TextField
            label={t('activities.legal.lawyer')}
            maxLength={120}
            value={lawyerName}
            error={fieldErrors.lawyerName}
            onChange={(e) => setLawyerName(e.target.value)}
          />
        </div>
        {chooseCentre ? (
          <div className="col-lg-6">
            <CentreSelect
              label={t('activities.centre')}
              required
              value={centreId}
              error={fieldErrors.centreId}
              onChange={(e) => {
                setCentreId(e.target.value);
                setCaseIds([]);
              }}
            />
          </div>
        ) : null}
      </div>
      {centre ? <CaseChoices options={offered} chosen={caseIds} onToggle={toggle} error={fieldErrors.caseIds} /> : null}
      <TextAreaField
        label={t('activities.legal.questions')}
        required
        maxLength={4000}
        value={questions}
        error={fieldErrors.questions}
        onChange={(e) => setQuestions(e.target.value)}
      />
      <TextAreaField
        label={t('activities.legal.guidance')}
        maxLength={4000}
        value={guidance}
        error={fieldErrors.guidance}
        onChange={(e) => setGuidance(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('activities.legal.save')}
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

export default function LegalPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can } = useSession();
  const { from, to, page, setPage, setPeriod } = usePeriod();
  const summary = useApiGet<LegalSummary>('/legal-consultations/summary', { from, to });
  const list = useApiGet<Page<LegalConsultationListItem>>('/legal-consultations', { from, to, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<LegalConsultation | null>(null);
  // A new key empties the form after a save.
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('activities.legal.title'));

  const reload = () => {
    summary.reload();
    list.reload();
  };
  const saved = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('activities.legal.saved'));
    setError(null);
    reload();
  };
  const edit = async (item: LegalConsultationListItem) => {
    try {
      setEditing(await api<LegalConsultation>('GET', `/legal-consultations/${item.id}`));
      setNotice(null);
      setFormKey((k) => k + 1);
      formHeading.current?.focus();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const remove = async (item: LegalConsultationListItem) => {
    if (!window.confirm(t('activities.deleteConfirm'))) return;
    try {
      await api('DELETE', `/legal-consultations/${item.id}`, undefined, { version: item.version });
      if (editing?.id === item.id) setEditing(null);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('activities.legal.title')}</h1>
      <p>{t('activities.legal.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error} />
      {can('personal.write') ? (
        <section className="border rounded p-3 mb-4" aria-labelledby="legal-form">
          <h2 id="legal-form" className="h4" ref={formHeading} tabIndex={-1}>
            {editing ? t('activities.legal.edit', { date: formatDate(editing.date) }) : t('activities.legal.record')}
          </h2>
          <LegalForm key={formKey} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      ) : null}

      <section aria-labelledby="legal-list">
        <h2 id="legal-list" className="h4">
          {t('activities.legal.list')}
        </h2>
        <PeriodForm from={from} to={to} onApply={setPeriod} />
        <ProblemAlert error={summary.error ?? list.error} />
        {summary.data ? (
          <p className="h5" aria-live="polite" data-testid="legal-totals">
            {t('activities.legal.totals', {
              count: formatNumber(summary.data.consultations),
              hours: formatNumber(Math.round((summary.data.minutes / 60) * 10) / 10),
              cases: formatNumber(summary.data.casesDiscussed),
            })}
          </p>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t('activities.legal.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{t('activities.legal.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activities.date')}</th>
                    <th scope="col">{t('activities.legal.lawyer')}</th>
                    <th scope="col" className="text-end">
                      {t('activities.minutes')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('activities.legal.caseCount')}
                    </th>
                    <th scope="col">{t('activities.legal.questions')}</th>
                    {can('personal.write') ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={item.id}>
                      <td>{formatDate(item.date)}</td>
                      <td>{item.lawyerName ?? t('person.notSet')}</td>
                      <td className="text-end">{formatNumber(item.minutes)}</td>
                      <td className="text-end">{formatNumber(item.caseCount)}</td>
                      <td>{item.questionsExcerpt}</td>
                      {can('personal.write') ? (
                        <td>
                          <div className="d-flex gap-2">
                            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => edit(item)}>
                              {t('activities.legal.editAction')}
                            </button>
                            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(item)}>
                              {t('activities.delete')}
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

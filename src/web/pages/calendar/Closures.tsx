import { type FormEvent, useRef, useState } from 'react';
import type { ClosureRecord } from '../../../contracts/calendar.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';

const daysOf = (closure: ClosureRecord) => Math.round((Date.parse(closure.to) - Date.parse(closure.from)) / 86_400_000) + 1;

/** A new closure, or the one being corrected (sent back with the version it was read at). */
function ClosureForm({
  centreId,
  editing,
  onSaved,
  onCancel,
}: {
  centreId: number;
  editing: ClosureRecord | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(editing?.from ?? '');
  const [to, setTo] = useState(editing?.to ?? '');
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const fields = { from, to: to || from, reason: reason.trim() };
      if (editing) await api('PATCH', `/calendar/closures/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/calendar/closures', { centreId, ...fields });
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="calendar-closure-form">
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.from')}
            type="date"
            required
            value={from}
            error={fieldErrors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.to')}
            type="date"
            required
            min={from}
            value={to}
            error={fieldErrors.to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="col-lg-6">
          <TextField
            label={t('calendar.closures.reason')}
            required
            maxLength={200}
            hint={t('calendar.closures.reasonHint')}
            value={reason}
            error={fieldErrors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.closures.save')}
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

/** The closures of a year, with a form to add or correct one. */
export function Closures({ centreId, year, onChanged }: { centreId: number; year: number; onChanged(): void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const closures = useApiGet<ClosureRecord[]>('/calendar/closures', { centreId, from: `${year}-01-01`, to: `${year}-12-31` });
  const [editing, setEditing] = useState<ClosureRecord | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const changed = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('calendar.saved'));
    closures.reload();
    onChanged();
  };
  const edit = (closure: ClosureRecord) => {
    setEditing(closure);
    setNotice(null);
    setFormKey((k) => k + 1);
    formHeading.current?.focus();
  };
  const remove = async (closure: ClosureRecord) => {
    if (!window.confirm(t('calendar.deleteConfirm'))) return;
    try {
      await api('DELETE', `/calendar/closures/${closure.id}`, undefined, { version: closure.version });
      changed();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="mb-5" aria-labelledby="calendar-closures">
      <h2 id="calendar-closures" className="h4">
        {t('calendar.closures.title', { year })}
      </h2>
      <p>{t('calendar.closures.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? closures.error} />
      {closures.data && closures.data.length === 0 ? <p>{t('calendar.closures.none')}</p> : null}
      {closures.data && closures.data.length > 0 ? (
        <table className="table table-sm" data-testid="closures">
          <caption className="visually-hidden">{t('calendar.closures.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.from')}</th>
              <th scope="col">{t('calendar.to')}</th>
              <th scope="col" className="text-end">
                {t('calendar.closures.days')}
              </th>
              <th scope="col">{t('calendar.closures.reason')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.data.map((closure) => (
              <tr key={closure.id}>
                <td>{formatDate(closure.from, true)}</td>
                <td>{formatDate(closure.to, true)}</td>
                <td className="text-end">{formatNumber(daysOf(closure))}</td>
                <td>{closure.reason}</td>
                <td>
                  <div className="d-flex gap-2">
                    <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => edit(closure)}>
                      {t('calendar.edit')}
                    </button>
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(closure)}>
                      {t('calendar.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="border rounded p-3">
        <h3 id="calendar-closure-form" className="h5" ref={formHeading} tabIndex={-1}>
          {editing ? t('calendar.closures.editing') : t('calendar.closures.add')}
        </h3>
        <ClosureForm
          key={formKey}
          centreId={centreId}
          editing={editing}
          onSaved={changed}
          onCancel={() => {
            setEditing(null);
            setFormKey((k) => k + 1);
          }}
        />
      </div>
    </section>
  );
}

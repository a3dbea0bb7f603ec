import { type FormEvent, useRef, useState } from 'react';
import type { HoursSet } from '../../../contracts/calendar.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { type Slot, useWeekdayName, WEEKDAYS, WeekTable } from './shared.js';

interface EditedSlot {
  key: number;
  weekday: string;
  from: string;
  to: string;
}

/** The slots of one set, row by row: weekday, from, to. Saved all together at the version read. */
function SlotEditor({ set, onSaved, onCancel }: { set: HoursSet; onSaved(): void; onCancel(): void }) {
  const { t, formatDate } = useI18n();
  const weekdayName = useWeekdayName();
  const nextKey = useRef(set.slots.length);
  const [slots, setSlots] = useState<EditedSlot[]>(
    set.slots.map((s, key) => ({ key, weekday: String(s.weekday), from: s.from, to: s.to })),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const change = (key: number, field: keyof Omit<EditedSlot, 'key'>, value: string) =>
    setSlots((rows) => rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const add = () => {
    const last = slots[slots.length - 1];
    setSlots((rows) => [...rows, { key: nextKey.current++, weekday: last?.weekday ?? '1', from: '09:00', to: '12:00' }]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: Slot[] = slots.map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to }));
      await api('PATCH', `/calendar/hours/${set.id}`, { version: set.version, slots: body });
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const slotsError = Object.entries(fieldErrors)
    .filter(([path]) => path.startsWith('slots'))
    .map(([, message]) => message)
    .join(' ');

  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mb-3" aria-labelledby={`slots-${set.id}`}>
      <h4 id={`slots-${set.id}`} className="h6">
        {t('calendar.sets.editing', { date: formatDate(set.validFrom) })}
      </h4>
      <ProblemAlert error={error} />
      {slots.map((slot, index) => (
        <fieldset key={slot.key} className="row align-items-end">
          <legend className="visually-hidden">{t('calendar.sets.slot', { n: index + 1 })}</legend>
          <div className="col-sm-4">
            <SelectField
              label={t('calendar.sets.weekday')}
              value={slot.weekday}
              onChange={(e) => change(slot.key, 'weekday', e.target.value)}
            >
              {WEEKDAYS.map((weekday) => (
                <option key={weekday} value={weekday}>
                  {weekdayName(weekday)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-sm-3">
            <TextField
              label={t('calendar.sets.slotFrom')}
              type="time"
              required
              value={slot.from}
              onChange={(e) => change(slot.key, 'from', e.target.value)}
            />
          </div>
          <div className="col-sm-3">
            <TextField
              label={t('calendar.sets.slotTo')}
              type="time"
              required
              value={slot.to}
              onChange={(e) => change(slot.key, 'to', e.target.value)}
            />
          </div>
          <div className="col-sm-2 mb-3">
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => setSlots((rows) => rows.filter((row) => row.key !== slot.key))}
            >
              {t('calendar.sets.removeSlot', { n: index + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      {slotsError ? (
        <div className="invalid-feedback d-block mb-2" role="alert">
          {slotsError}
        </div>
      ) : null}
      <div className="d-flex gap-2 flex-wrap">
        <button type="button" className="btn btn-outline-primary" onClick={add}>
          {t('calendar.sets.addSlot')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.sets.saveSlots')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The hours sets of the centre, each valid from a date; a new set starts as a copy of the one in force. */
export function HoursSets({ centreId, onChanged }: { centreId: number; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const today = todayInRome();
  const sets = useApiGet<HoursSet[]>('/calendar/hours', { centreId });
  const [editingId, setEditingId] = useState<number | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = sets.data ?? [];

  const changed = (message: string | null) => {
    setNotice(message);
    sets.reload();
    onChanged();
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const created = await api<HoursSet>('POST', '/calendar/hours', { centreId, validFrom, notes: notes.trim() || null });
      setValidFrom('');
      setNotes('');
      changed(null);
      setEditingId(created.id);
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const remove = async (set: HoursSet) => {
    if (!window.confirm(t('calendar.deleteConfirm'))) return;
    try {
      await api('DELETE', `/calendar/hours/${set.id}`, undefined, { version: set.version });
      changed(t('calendar.saved'));
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="mb-5" aria-labelledby="calendar-sets">
      <h2 id="calendar-sets" className="h4">
        {t('calendar.sets.title')}
      </h2>
      <p>{t('calendar.sets.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? sets.error} />
      {sets.data && list.length === 0 ? <p>{t('calendar.sets.none')}</p> : null}
      {list.map((set, index) => {
        const next = list[index + 1];
        const until = next ? new Date(Date.parse(`${next.validFrom}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : null;
        return (
          <div key={set.id} className="mb-4" data-testid="hours-set">
            <h3 className="h5">
              {t('calendar.sets.validFrom', { date: formatDate(set.validFrom) })}
              {until ? ` ${t('calendar.sets.until', { date: formatDate(until) })}` : ''}
            </h3>
            {set.notes ? <p>{set.notes}</p> : null}
            {editingId === set.id ? (
              <SlotEditor
                set={set}
                onSaved={() => {
                  setEditingId(null);
                  changed(t('calendar.saved'));
                }}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <>
                <WeekTable slots={set.slots} caption={t('calendar.sets.caption', { date: formatDate(set.validFrom) })} />
                <div className="d-flex gap-2">
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditingId(set.id)}>
                    {t('calendar.sets.editSlots')}
                  </button>
                  {set.validFrom > today ? (
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(set)}>
                      {t('calendar.delete')}
                    </button>
                  ) : null}
                </div>
              </>
            )}
          </div>
        );
      })}
      <form onSubmit={create} noValidate className="border rounded p-3" aria-labelledby="calendar-new-set">
        <h3 id="calendar-new-set" className="h5">
          {t('calendar.sets.new')}
        </h3>
        <div className="row">
          <div className="col-sm-6 col-lg-3">
            <TextField
              label={t('calendar.sets.newDate')}
              type="date"
              required
              value={validFrom}
              hint={t('calendar.sets.newHint')}
              error={fieldErrors.validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
          </div>
          <div className="col-sm-6 col-lg-6">
            <TextField
              label={t('calendar.sets.notes')}
              maxLength={500}
              value={notes}
              error={fieldErrors.notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.sets.create')}
        </button>
      </form>
    </section>
  );
}

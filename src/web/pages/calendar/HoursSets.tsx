import { useRef, useState } from 'react';
import type { HoursSet } from '../../../contracts/calendar.js';
import { todayInRome } from '../../../domain/dates.js';
import { SelectField, TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { focusLater, orNull, RecordForm, RecordsHeading, useChange, useFields, useRemove } from '../../kit/index.js';
import { type Slot, useCalendarRecords, useWeekdayName, WEEKDAYS, WeekTable } from './shared.js';

interface EditedSlot {
  key: number;
  weekday: string;
  from: string;
  to: string;
}

/** A slot's two times: where each is kept and its label. */
const SLOT_TIMES = [
  ['from', 'calendar.sets.slotFrom'],
  ['to', 'calendar.sets.slotTo'],
] as const;

/** The slots of one set, row by row: weekday, from, to. Saved all together at the version read. */
function SlotEditor({ set, reload, onSaved, onCancel }: { set: HoursSet; reload(): void; onSaved(): void; onCancel(): void }) {
  const { t, formatDate } = useI18n();
  const weekdayName = useWeekdayName();
  const nextKey = useRef(set.slots.length);
  const [slots, setSlots] = useState<EditedSlot[]>(
    set.slots.map((s, key) => ({ key, weekday: String(s.weekday), from: s.from, to: s.to })),
  );
  const change = useChange({ reload });
  const edit = (key: number, field: keyof Omit<EditedSlot, 'key'>, value: string) =>
    setSlots((rows) => rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const add = () => {
    const last = slots[slots.length - 1];
    setSlots((rows) => [...rows, { key: nextKey.current++, weekday: last?.weekday ?? '1', from: '09:00', to: '12:00' }]);
  };
  const save = async () => {
    const body: Slot[] = slots.map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to }));
    const sent = await change.send('PATCH', `/calendar/hours/${set.id}`, { version: set.version, slots: body });
    if (sent.ok) onSaved();
  };
  const slotsError = Object.entries(change.fieldErrors)
    .filter(([path]) => path.startsWith('slots'))
    .map(([, message]) => message)
    .join(' ');

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={t('calendar.sets.editing', { date: formatDate(set.validFrom) })}
      titleAs="h4"
      submitLabel={t('calendar.sets.saveSlots')}
      onCancel={onCancel}
    >
      {slots.map((slot, index) => (
        <fieldset key={slot.key} className="row align-items-end">
          <legend className="visually-hidden">{t('calendar.sets.slot', { n: index + 1 })}</legend>
          <SelectField
            column="col-sm-4"
            label={t('calendar.sets.weekday')}
            value={slot.weekday}
            onChange={(e) => edit(slot.key, 'weekday', e.target.value)}
          >
            {WEEKDAYS.map((weekday) => (
              <option key={weekday} value={weekday}>
                {weekdayName(weekday)}
              </option>
            ))}
          </SelectField>
          {SLOT_TIMES.map(([end, label]) => (
            <div key={end} className="col-sm-3">
              <TextField label={t(label)} type="time" required value={slot[end]} onChange={(e) => edit(slot.key, end, e.target.value)} />
            </div>
          ))}
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
      <button type="button" className="btn btn-outline-primary mb-3" onClick={add}>
        {t('calendar.sets.addSlot')}
      </button>
    </RecordForm>
  );
}

/** "Nuovo orario da una data": the new set opens in the slot editor. */
function NewSetForm({ centreId, reload, onCreated }: { centreId: number; reload(): void; onCreated(set: HoursSet): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ validFrom: '', notes: '' });
  const bound = boundTo(form, change);
  const create = async () => {
    const sent = await change.send<HoursSet>('POST', '/calendar/hours', {
      centreId,
      validFrom: form.values.validFrom,
      notes: orNull(form.values.notes),
    });
    if (sent.ok) {
      form.reset();
      onCreated(sent.data);
    }
  };
  return (
    <RecordForm
      change={change}
      onSubmit={create}
      title={t('calendar.sets.new')}
      submitLabel={t('calendar.sets.create')}
      className="border rounded p-3"
    >
      <div className="row">
        <TextField
          column="col-sm-6 col-lg-3"
          label={t('calendar.sets.newDate')}
          type="date"
          required
          hint={t('calendar.sets.newHint')}
          {...bound('validFrom')}
        />
        <TextField column="col-sm-6 col-lg-6" label={t('calendar.sets.notes')} maxLength={500} {...bound('notes')} />
      </div>
    </RecordForm>
  );
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The hours sets of the centre, each valid from a date; a new set starts as a copy of the one in force. */
export function HoursSets({ centreId, onChanged }: { centreId: number; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const today = todayInRome();
  const sets = useCalendarRecords<HoursSet[]>('/calendar/hours', { centreId }, onChanged);
  const { reload } = sets;
  const [editingId, setEditingId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useChange({ reload });
  const removeRecord = useRemove(change, 'calendar');
  const list = sets.data ?? [];

  const remove = async (set: HoursSet) => {
    setNotice(null);
    if (await removeRecord(`/calendar/hours/${set.id}`, set.version, { focus: 'calendar-sets' })) setNotice(t('calendar.saved'));
  };

  return (
    <section className="mb-5" aria-labelledby="calendar-sets">
      <RecordsHeading id="calendar-sets" level={2} texts="calendar.sets" notice={notice} error={sets.error} change={change} />
      {sets.data && list.length === 0 ? <p>{t('calendar.sets.none')}</p> : null}
      {list.map((set, index) => {
        const next = list[index + 1];
        const until = next ? dayBefore(next.validFrom) : null;
        return (
          <div key={set.id} className="mb-4" data-testid="hours-set">
            <h3 id={`hours-set-${set.id}`} className="h5" tabIndex={-1}>
              {t('calendar.sets.validFrom', { date: formatDate(set.validFrom) })}
              {until ? ` ${t('calendar.sets.until', { date: formatDate(until) })}` : ''}
            </h3>
            {set.notes ? <p>{set.notes}</p> : null}
            {editingId === set.id ? (
              <SlotEditor
                set={set}
                reload={reload}
                onSaved={() => {
                  setEditingId(null);
                  setNotice(t('calendar.saved'));
                  focusLater(`hours-set-${set.id}`);
                }}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <>
                <WeekTable slots={set.slots} caption={t('calendar.sets.caption', { date: formatDate(set.validFrom) })} />
                <div className="d-flex gap-2">
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    onClick={() => {
                      setNotice(null);
                      setEditingId(set.id);
                    }}
                  >
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
      <NewSetForm
        centreId={centreId}
        reload={reload}
        onCreated={(created) => {
          setNotice(null);
          setEditingId(created.id);
        }}
      />
    </section>
  );
}

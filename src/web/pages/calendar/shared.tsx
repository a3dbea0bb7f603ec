/**
 * Pieces the calendar, staff and projects pages share: the centre choice, hours, weekdays, slot
 * tables, and how their records are deleted and dated (saved by the kit's saveRecord).
 */
import { type ComponentType, type ReactNode, useState } from 'react';
import type { CalendarDay } from '../../../contracts/calendar.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { AddOrCorrectForm } from '../../kit/AddOrCorrectForm.js';
import { boundTo } from '../../kit/bound.js';
import {
  type Change,
  type Column,
  type DeletionTexts,
  focusLater,
  LoadedTable,
  type OnDemandForm,
  RecordsHeading,
  saveRecord,
  useChange,
  useFields,
  useRemove,
} from '../../kit/index.js';
import type { TitleAndIntro } from '../../kit/RecordsHeading.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface Slot {
  weekday: number;
  from: string;
  to: string;
}

/**
 * The centre a page works on: the user's only centre, or the one chosen in the select the page
 * shows for those who work in several (the first by default).
 */
export function useCentreChoice() {
  const { t } = useI18n();
  const centres = useSession().me?.centres ?? [];
  const [chosen, setChosen] = useState('');
  const centreId = Number(chosen) || centres[0]?.id || null;
  const select =
    centres.length > 1 ? (
      <div className="row">
        <CentreSelect
          column="col-md-6 col-lg-4"
          label={t('calendar.centre')}
          value={centreId ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          required
        />
      </div>
    ) : null;
  const centre = centres.find((c) => c.id === centreId) ?? null;
  return { centreId, centre, select };
}

/** Hours as the report writes them: 810 h, 6 h 30 min. */
export function useFormatMinutes() {
  const { t, formatNumber } = useI18n();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0
      ? t('calendar.hours', { hours: formatNumber(hours) })
      : t('calendar.hoursMinutes', { hours: formatNumber(hours), minutes: rest });
  };
}

/** Hours typed by a person (6,5 or 6.5) as minutes, or NaN. */
export function minutesOfHours(text: string): number {
  const hours = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(hours) ? Number.NaN : Math.round(hours * 60);
}

/** Minutes as hours for a form field: 390 → "6.5". */
export function hoursOfMinutes(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The name of an ISO weekday (1 Monday … 7 Sunday) in the current language. */
export function useWeekdayName() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return (weekday: number) => format.format(new Date(Date.UTC(2024, 0, weekday, 12)));
}

/** Why a day is closed, in words. */
export function useClosedReason() {
  const { t } = useI18n();
  return (why: CalendarDay['closedBecause']) => {
    if (!why) return t('calendar.open');
    if (why.kind === 'holiday') return t('calendar.why.holiday', { name: why.name ?? '' });
    if (why.kind === 'closure') return t('calendar.why.closure', { reason: why.reason ?? '' });
    return t(`calendar.why.${why.kind}`);
  };
}

export const slotText = (slots: Slot[]) => slots.map((s) => `${s.from}–${s.to}`).join(', ');

/** A week of slots as a table: one row a weekday, «Chiuso» for the days without slots. */
export function WeekTable({ slots, caption }: { slots: Slot[]; caption: string }) {
  const { t } = useI18n();
  const weekdayName = useWeekdayName();
  return (
    <table className="table table-sm w-auto">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calendar.sets.weekday')}</th>
          <th scope="col">{t('calendar.sets.slots')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday) => {
          const ofDay = slots.filter((s) => s.weekday === weekday).sort((a, b) => a.from.localeCompare(b.from));
          return (
            <tr key={weekday}>
              <th scope="row" className="fw-normal text-capitalize">
                {weekdayName(weekday)}
              </th>
              <td>{ofDay.length > 0 ? slotText(ofDay) : t('calendar.closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The records of a section of the calendar page (hours, closures, settings): its `reload` after a
 * change also tells the page (`onChanged`), whose month and year figures change with them.
 */
export function useCalendarRecords<T>(path: string, query: Record<string, string | number>, onChanged: () => void) {
  const records = useApiGet<T>(path, query);
  const reload = () => {
    records.reload();
    onChanged();
  };
  return { ...records, reload };
}

/** What the staff and projects pages give the form below their list: the record being corrected, or null to add one. */
export interface CentreRecordFormProps<T> extends OnDemandForm {
  centreId: number;
  editing: T | null;
}

/**
 * A staff member's or project's form, from its starting values: the change, the fields (`bound`
 * to their errors) and `save(fields)`, which adds the record to the centre or sends the correction
 * at the version read, says it is saved, then calls `onDone`.
 */
export function useCentreRecordForm<K extends string>(
  path: string,
  { centreId, editing, reload, onDone }: CentreRecordFormProps<{ id: number; version: number }>,
  initial: Record<K, string>,
) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields(initial);
  const save = async (fields: object) => {
    const sent = await saveRecord(change, path, editing, fields, { created: { centreId }, success: t('calendar.saved') });
    if (sent.ok) onDone();
  };
  return { change, values: form.values, field: form.field, bound: boundTo(form, change), save };
}

/** That form, titled and saved with the texts `<texts>.add`, `.editing` (with the record's name) and `.save`. */
export function CentreRecordForm({
  texts,
  editing,
  change,
  onSubmit,
  onCancel,
  children,
}: {
  texts: 'calendar.projects' | 'calendar.staff';
  editing: { name: string } | null;
  change: Change;
  onSubmit(): unknown;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <AddOrCorrectForm change={change} onSubmit={onSubmit} texts={texts} editing={editing && { name: editing.name }} onCancel={onCancel}>
      {children}
    </AddOrCorrectForm>
  );
}

/**
 * A list with its add-or-correct form below (staff, projects, previous years): the record being
 * corrected (null: the form adds one) and the form's `formKey` (a new one empties it after a save).
 * `done` closes the correction, the focus back on the page's title `titleId`; `remove` deletes a
 * record once confirmed (said with `<texts>.deleted`, the focus on that title), and stops
 * correcting it; true when done.
 */
export function useCorrecting<T extends { id: number; version: number }>(
  change: Change,
  titleId: string,
  texts: DeletionTexts = 'calendar',
) {
  const { t } = useI18n();
  const removeRecord = useRemove(change, texts);
  const [editing, setEditing] = useState<T | null>(null);
  const [saves, setSaves] = useState(0);
  const done = () => {
    if (editing) focusLater(titleId);
    setEditing(null);
    setSaves((count) => count + 1);
  };
  const remove = async (path: string, record: T) => {
    const removed = await removeRecord(path, record.version, { success: t(`${texts}.deleted`), focus: titleId });
    if (removed && editing?.id === record.id) setEditing(null);
    return removed;
  };
  return { editing, edit: setEditing, formKey: `${saves}-${editing?.id ?? 'new'}`, done, remove };
}

/** The prefixes of the dictionary with a deletion's texts and `.edit` (a corrected list's row actions). */
type CorrectionTexts = { [P in DeletionTexts]: `${P}.edit` extends MessageKey ? P : never }[DeletionTexts];

/** The prefixes of the dictionary with a list page's `.title`, `.intro`, `.caption` and `.none`. */
type ListTexts = { [P in TitleAndIntro]: `${P}.caption` | `${P}.none` extends MessageKey ? P : never }[TitleAndIntro];

/**
 * A page that is a centre's list at `path` with its add-or-correct form below (projects, previous
 * years): the heading `id` (`<texts>.title` and `.intro`) with the centre's choice, the table
 * (`<texts>.caption`, `.none` when empty) whose rows are corrected (`<actionTexts>.edit`) and
 * deleted (see useCorrecting) in place, then `form` for the chosen centre, emptied after a save.
 */
export function CentreListPage<T extends { id: number; version: number }>({
  id,
  texts,
  actionTexts = 'calendar',
  path,
  rowName,
  columns,
  form: Form,
}: {
  id: string;
  texts: ListTexts;
  actionTexts?: CorrectionTexts;
  path: string;
  rowName(row: T): string;
  columns: Array<Column<T>>;
  form: ComponentType<CentreRecordFormProps<T>>;
}) {
  const { t } = useI18n();
  usePageTitle(t(`${texts}.title`));
  const { centreId, select } = useCentreChoice();
  const list = useApiGet<T[]>(centreId ? path : null, centreId ? { centreId } : undefined);
  const change = useChange({ reload: list.reload });
  const { editing, edit, formKey, done, remove } = useCorrecting<T>(change, id, actionTexts);
  return (
    <>
      <RecordsHeading id={id} texts={texts}>
        {select}
      </RecordsHeading>
      <LoadedTable<T>
        loaded={list}
        problem={change.problem}
        caption={t(`${texts}.caption`)}
        rowName={rowName}
        empty={t(`${texts}.none`)}
        columns={columns}
        actions={(record) => [
          { label: t(`${actionTexts}.edit`), onClick: () => edit(record) },
          { label: t(`${actionTexts}.delete`), danger: true, onClick: () => remove(`${path}/${record.id}`, record) },
        ]}
      />
      {centreId ? <Form key={`${centreId}-${formKey}`} centreId={centreId} editing={editing} reload={list.reload} onDone={done} /> : null}
    </>
  );
}

/** A field of a form with its error (see the kit's boundTo). */
interface Bound {
  value: string;
  onChange(event: { target: { value: string } }): void;
  error?: string;
}

/**
 * A period's two dates, each in a column: `to` not before `from`; with `openEnded` it may stay
 * blank (still going), otherwise it is required.
 */
export function DateRangeFields({ from, to, openEnded }: { from: Bound; to: Bound; openEnded?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField column="col-sm-6 col-lg-3" label={t('calendar.from')} type="date" required {...from} />
      <TextField
        column="col-sm-6 col-lg-3"
        label={t('calendar.to')}
        type="date"
        required={!openEnded}
        min={from.value}
        hint={openEnded ? t('calendar.toHint') : undefined}
        {...to}
      />
    </>
  );
}

/** Hours a week, typed as a person says them (6,5). */
export function WeeklyHoursField({ label, ...field }: Bound & { label: string; column?: string }) {
  const { t } = useI18n();
  return <TextField label={label} inputMode="decimal" required hint={t('calendar.staff.weeklyHoursHint')} {...field} />;
}

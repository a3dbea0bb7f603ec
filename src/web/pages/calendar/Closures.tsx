import { useState } from 'react';
import type { ClosureRecord } from '../../../contracts/calendar.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { AddOrCorrectForm } from '../../kit/AddOrCorrectForm.js';
import { boundTo } from '../../kit/bound.js';
import { focusLater, LoadedTable, RecordsHeading, saveRecord, useChange, useFields, useRemove } from '../../kit/index.js';
import { DateRangeFields, useCalendarRecords } from './shared.js';

const daysOf = (closure: ClosureRecord) => Math.round((Date.parse(closure.to) - Date.parse(closure.from)) / 86_400_000) + 1;

/** A new closure, or the one being corrected (sent back with the version it was read at). */
function ClosureForm({
  centreId,
  editing,
  reload,
  onSaved,
  onCancel,
}: {
  centreId: number;
  editing: ClosureRecord | null;
  reload(): void;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ from: editing?.from ?? '', to: editing?.to ?? '', reason: editing?.reason ?? '' });
  const { values } = form;
  const bound = boundTo(form, change);
  const save = async () => {
    const fields = { from: values.from, to: values.to || values.from, reason: values.reason.trim() };
    const sent = await saveRecord(change, '/calendar/closures', editing, fields, { created: { centreId } });
    if (sent.ok) onSaved();
  };
  return (
    <AddOrCorrectForm change={change} onSubmit={save} texts="calendar.closures" editing={editing && {}} titleAs="h3" onCancel={onCancel}>
      <div className="row">
        <DateRangeFields from={bound('from')} to={bound('to')} />
        <TextField
          column="col-lg-6"
          label={t('calendar.closures.reason')}
          required
          maxLength={200}
          hint={t('calendar.closures.reasonHint')}
          {...bound('reason')}
        />
      </div>
    </AddOrCorrectForm>
  );
}

/** The closures of a year; one added below, or corrected on demand. */
export function Closures({ centreId, year, onChanged }: { centreId: number; year: number; onChanged(): void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const closures = useCalendarRecords<ClosureRecord[]>(
    '/calendar/closures',
    { centreId, from: `${year}-01-01`, to: `${year}-12-31` },
    onChanged,
  );
  const { reload } = closures;
  const [editing, setEditing] = useState<ClosureRecord | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useChange({ reload });
  const removeRecord = useRemove(change, 'calendar');

  const done = (message: string | null) => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(message);
  };
  const edit = (closure: ClosureRecord) => {
    setEditing(closure);
    setNotice(null);
    setFormKey((k) => k + 1);
  };
  const remove = async (closure: ClosureRecord) => {
    if (await removeRecord(`/calendar/closures/${closure.id}`, closure.version, { focus: 'calendar-closures' })) done(t('calendar.saved'));
  };

  return (
    <section className="mb-5" aria-labelledby="calendar-closures">
      <RecordsHeading id="calendar-closures" level={2} texts="calendar.closures" values={{ year }} notice={notice} />
      <LoadedTable<ClosureRecord>
        loaded={closures}
        problem={change.problem}
        caption={t('calendar.closures.caption', { year })}
        rowName={(c) => `${formatDate(c.from, true)}, ${c.reason}`}
        empty={t('calendar.closures.none')}
        columns={[
          { header: t('calendar.from'), cell: (c) => formatDate(c.from, true) },
          { header: t('calendar.to'), cell: (c) => formatDate(c.to, true) },
          { header: t('calendar.closures.days'), className: 'text-end', cell: (c) => formatNumber(daysOf(c)) },
          { header: t('calendar.closures.reason'), cell: (c) => c.reason },
        ]}
        actions={(c) => [
          { label: t('calendar.edit'), onClick: () => edit(c) },
          { label: t('calendar.delete'), danger: true, onClick: () => remove(c) },
        ]}
      />
      <ClosureForm
        key={formKey}
        centreId={centreId}
        editing={editing}
        reload={reload}
        onSaved={() => {
          done(t('calendar.saved'));
          if (editing) focusLater('calendar-closures');
        }}
        onCancel={() => {
          done(null);
          focusLater('calendar-closures');
        }}
      />
    </section>
  );
}

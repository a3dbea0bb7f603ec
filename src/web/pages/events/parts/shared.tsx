/** What the events and meetings pages share: the list with its form on top, the centre of a new record, how a record is saved. */
import { type ReactNode, useState } from 'react';
import { CentreSelect } from '../../../components/CentreSelect.js';
import { useI18n } from '../../../i18n/index.js';
import { AddOrCorrectForm } from '../../../kit/AddOrCorrectForm.js';
import { type Change, focusLater, type RowAction, saveRecord, useChange, useConfirm } from '../../../kit/index.js';
import { useSession } from '../../../session.js';

/**
 * A page that records and lists (events, network meetings): the record being corrected in the
 * form on top, the form's key (a new key empties it after a save), the notice of a save, and the
 * rows' Modifica and Elimina (confirmed, then the focus on the list `listId`). `done(saved)` closes
 * the form, giving the focus back to the page's title `titleId` after a correction.
 */
export function useRecordList<T extends { id: number; version: number }>({
  path,
  reload,
  titleId,
  listId,
  deleteConfirm,
  deleted,
  saved,
}: {
  path: string;
  reload(): void;
  titleId: string;
  listId: string;
  deleteConfirm: string;
  deleted: string;
  saved: string;
}) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const confirm = useConfirm();
  const [editing, setEditing] = useState<T | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (wasSaved: boolean) => {
    if (editing) focusLater(titleId);
    setEditing(null);
    setFormKey((key) => key + 1);
    setNotice(wasSaved ? saved : null);
  };
  const remove = async (record: T) => {
    if (!(await confirm(deleteConfirm, { confirmLabel: t('events.delete'), danger: true }))) return;
    setNotice(null);
    const sent = await change.send('DELETE', `${path}/${record.id}`, undefined, {
      query: { version: record.version },
      success: deleted,
      focus: listId,
    });
    if (sent.ok && editing?.id === record.id) setEditing(null);
  };
  const actions = (record: T): RowAction[] => [
    {
      label: t('events.editAction'),
      onClick: () => {
        setNotice(null);
        setEditing(record);
      },
    },
    { label: t('events.delete'), danger: true, onClick: () => remove(record) },
  ];
  return { change, editing, formKey, notice, done, actions };
}

/**
 * The form on top of the list (`testId` for the browser tests): it records a new event or meeting,
 * or corrects the one being edited (`editing`, the values that name it); Annulla calls `onDone(false)`.
 */
export function RecordFormOnTop({
  testId,
  texts,
  editing,
  change,
  onSubmit,
  onDone,
  children,
}: {
  testId: string;
  texts: 'events' | 'events.meetings';
  editing: Record<string, string> | null;
  change: Change;
  onSubmit(): unknown;
  onDone(saved: boolean): void;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <AddOrCorrectForm
        change={change}
        onSubmit={onSubmit}
        texts={texts}
        editing={editing}
        onCancel={() => onDone(false)}
        className="border rounded p-3 mb-4"
      >
        {children}
      </AddOrCorrectForm>
    </div>
  );
}

/** The centre a new record belongs to, asked only of a user working in more than one (column of the form's row). */
export function NewRecordCentre({
  editing,
  ...field
}: {
  editing: unknown;
  value: string;
  onChange(event: { target: { value: string } }): void;
  error?: string;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  if (editing || (me?.centres.length ?? 0) <= 1) return null;
  return <CentreSelect column="col-lg-6" label={t('events.centre')} required {...field} />;
}

/**
 * Saves the form's `fields` (the kit's saveRecord: a new record in the centre chosen, when one
 * was, or the one being corrected at its version), then closes the form: `onDone(true)`.
 */
export async function saveAndClose(
  change: Change,
  path: string,
  editing: { id: number; version: number } | null,
  fields: object,
  centreId: string,
  onDone: (saved: boolean) => void,
) {
  const sent = await saveRecord(change, path, editing, fields, { created: centreId ? { centreId: Number(centreId) } : {} });
  if (sent.ok) onDone(true);
}

/** A list of a course's (its lessons, its learners) as the course page shows it: loaded, changed, said. */
import { type ComponentProps, Fragment, type ReactNode, useState } from 'react';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { type Change, focusLater, RecordForm, RecordTable, TitledSection, useChange, useConfirm } from '../../kit/index.js';

/**
 * The list at `path`, reloaded with the course's figures (`onChanged`) after each change; the
 * notice of what was done; `remove` deletes a record at the version read once confirmed, said by
 * `success` with the focus on the section's heading `headingId`; true when done. One record at a
 * time has its form open under the table (`editing`, opened by `edit`): `done` says what was done
 * and closes it, `closeRow` (the form's own close) puts the focus back on the heading too.
 */
export function useCourseList<T extends { id: number; version: number }>(path: string, headingId: string, onChanged: () => void) {
  const list = useApiGet<T[]>(path);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<T | null>(null);
  const edit = (record: T) => {
    setNotice(null);
    setEditing(record);
  };
  const done = (message: string | null) => {
    setEditing(null);
    setNotice(message);
  };
  const closeRow = (message: string | null) => {
    done(message);
    focusLater(headingId);
  };
  const reload = () => {
    list.reload();
    onChanged();
  };
  const change = useChange({ reload });
  const confirm = useConfirm();
  const remove = async (
    itemPath: string,
    record: T,
    { question, confirmLabel, success }: Record<'question' | 'confirmLabel' | 'success', string>,
  ) => {
    if (!(await confirm(question, { confirmLabel, danger: true }))) return false;
    setNotice(null);
    const sent = await change.send('DELETE', itemPath, undefined, { query: { version: record.version }, success, focus: headingId });
    return sent.ok;
  };
  return { list, items: list.data ?? [], reload, change, notice, setNotice, remove, editing, edit, done, closeRow };
}

type CourseList = ReturnType<typeof useCourseList>;

type Item = { id: number; version: number };

/** The list's table as CourseListSection draws it: captioned by the section, its rows the list's. */
type ListTable<T> = Omit<ComponentProps<typeof RecordTable<T>>, 'caption' | 'captionHidden' | 'className' | 'rows' | 'rowKey'>;

/**
 * The list's section: its heading (with how many, focusable), the notice and the problems, any
 * controls above the list (`before`), the list's table (`table`: each row keyed by its version, so
 * a row changed is drawn again), the form of the record being edited (`rowForm`, given how it
 * closes), then the rest (`children`: the add form).
 */
export function CourseListSection<T extends Item>({
  id,
  title,
  list,
  before,
  table,
  rowForm,
  children,
}: {
  id: string;
  title: string;
  list: Pick<CourseList, 'list' | 'notice' | 'change' | 'closeRow'> & { items: T[]; editing: T | null };
  before?: ReactNode;
  table: ListTable<T>;
  rowForm(record: T, close: (message: string | null) => void): ReactNode;
  children: ReactNode;
}) {
  return (
    <TitledSection id={id} title={title} count={list.items.length} focusable className="mt-4">
      <SuccessAlert message={list.notice} />
      <ProblemAlert error={list.list.error} />
      {list.change.problem}
      {before}
      {list.list.data ? (
        <RecordTable<T>
          caption={title}
          captionHidden
          className="table table-sm align-middle"
          rows={list.items}
          rowKey={(item) => `${item.id}-${item.version}`}
          {...table}
        />
      ) : null}
      {list.editing ? <Fragment key={list.editing.id}>{rowForm(list.editing, list.closeRow)}</Fragment> : null}
      {children}
    </TitledSection>
  );
}

interface ListFormProps {
  change: Change;
  onSubmit(): unknown;
  children: ReactNode;
}

/** A form about one row of the list, under the table (a lesson moved, a learner withdrawn): named by `label`, small, the focus in it; Cancel closes it. */
export function RowForm({ label, onClose, ...form }: ListFormProps & { label: string; onClose(message: null): void }) {
  return <RecordForm {...form} label={label} onCancel={() => onClose(null)} small autoFocus className="border rounded p-2 my-2" />;
}

/** The form under the list that adds to it (a lesson, a learner), titled; `outlined`: its submit a secondary button. */
export function AddToListForm({ outlined, ...form }: ListFormProps & { title: string; submitLabel: string; outlined?: boolean }) {
  return <RecordForm {...form} submitClass={outlined ? 'btn btn-outline-primary' : undefined} className="border rounded p-3 mt-2" />;
}

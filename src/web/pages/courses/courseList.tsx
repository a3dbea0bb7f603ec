/** A list of a course's (its lessons, its learners) as the course page shows it: loaded, changed, said. */
import { type ReactNode, useState } from 'react';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useChange, useConfirm } from '../../kit/index.js';

/**
 * The list at `path`, reloaded with the course's figures (`onChanged`) after each change; the
 * notice of what was done; `remove` deletes a record at the version read once confirmed, said by
 * `success` with the focus on the section's heading `headingId`; true when done.
 */
export function useCourseList<T extends { id: number; version: number }>(path: string, headingId: string, onChanged: () => void) {
  const list = useApiGet<T[]>(path);
  const [notice, setNotice] = useState<string | null>(null);
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
  return { list, items: list.data ?? [], reload, change, notice, setNotice, remove };
}

type CourseList = ReturnType<typeof useCourseList>;

/** The list's section: its heading (with how many, focusable), the notice and the problems, then the rest. */
export function CourseListSection({
  id,
  title,
  list,
  children,
}: {
  id: string;
  title: string;
  list: Pick<CourseList, 'list' | 'items' | 'notice' | 'change'>;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-4">
      <h2 id={id} className="h4" tabIndex={-1}>
        {title} <span className="badge bg-primary">{list.items.length}</span>
      </h2>
      <SuccessAlert message={list.notice} />
      <ProblemAlert error={list.list.error} />
      {list.change.problem}
      {children}
    </section>
  );
}

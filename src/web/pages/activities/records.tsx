/** How the pages of this area load a period's records, show them under the period, and delete one made by mistake. */
import { type ComponentProps, type ReactNode, useCallback } from 'react';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { type Change, pagingOf, RecordTable, useConfirm } from '../../kit/index.js';
import { PeriodForm, usePeriod } from '../../kit/period.js';

/** The period's summary (`path`/summary) and a page of its records (`path`), and `reload` for both. */
export function usePeriodRecords<Summary, Item>(path: string, pageSize: number) {
  const period = usePeriod();
  const { from, to, page } = period;
  const summary = useApiGet<Summary>(`${path}/summary`, { from, to });
  const list = useApiGet<Page<Item>>(path, { from, to, page, pageSize });
  const reloadSummary = summary.reload;
  const reloadList = list.reload;
  const reload = useCallback(() => {
    reloadSummary();
    reloadList();
  }, [reloadSummary, reloadList]);
  return { period, summary, list, reload };
}

/** Deletes a record made by mistake, once confirmed (with its `version` when it has one); true when done. */
export function useRemoveRecord(change: Change) {
  const { t } = useI18n();
  const confirm = useConfirm();
  return async (path: string, version?: number) => {
    if (!(await confirm(t('activities.deleteConfirm'), { confirmLabel: t('activities.delete'), danger: true }))) return false;
    const query = version === undefined ? undefined : { version };
    return (await change.send('DELETE', path, undefined, { query, success: t('activities.deleted') })).ok;
  };
}

/** What `usePeriodRecords` gives, for the section that lists them. */
export type PeriodRecords<Summary, Item> = ReturnType<typeof usePeriodRecords<Summary, Item>>;

/** The list's table as PeriodSection draws it: its caption, rows and paging come from the section. */
type ListTable<Item> = Omit<ComponentProps<typeof RecordTable<Item>>, 'caption' | 'captionHidden' | 'rows' | 'paging'>;

/**
 * The period's records as a section: its heading, the period, the problems (of the list's
 * `change` and of loading), the summary's `totals` in one line (said again when it changes),
 * any other table (`children`), then the page of records (`table`: its columns, row names and actions),
 * captioned by the section's title and paged through the period.
 */
export function PeriodSection<Summary, Item>({
  id,
  title,
  records,
  change,
  totals,
  totalsTestId,
  table,
  children,
}: {
  id: string;
  title: string;
  records: PeriodRecords<Summary, Item>;
  change: Change;
  totals(summary: Summary): string;
  totalsTestId: string;
  table: ListTable<Item>;
  children?: ReactNode;
}) {
  const { period, summary, list } = records;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="h4">
        {title}
      </h2>
      <PeriodForm from={period.from} to={period.to} onApply={period.setPeriod} />
      {change.problem}
      <ProblemAlert error={summary.error ?? list.error} />
      {summary.data ? (
        <p className="h5" aria-live="polite" data-testid={totalsTestId}>
          {totals(summary.data)}
        </p>
      ) : null}
      {children}
      {list.data ? (
        <RecordTable<Item> caption={title} captionHidden rows={list.data.items} paging={pagingOf(list.data, period.setPage)} {...table} />
      ) : null}
    </section>
  );
}

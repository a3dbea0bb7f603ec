/** How the pages of this area load a period's records and delete one made by mistake. */
import { useCallback } from 'react';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { type Change, useConfirm } from '../../kit/index.js';
import { usePeriod } from '../../kit/period.js';

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

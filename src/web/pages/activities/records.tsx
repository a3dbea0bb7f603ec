/** How the pages of this area delete a record made by mistake (a period's records load and show through kit/period). */
import { useI18n } from '../../i18n/index.js';
import { type Change, useConfirm } from '../../kit/index.js';
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

import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { useConfirm } from './ConfirmDialog.js';
import type { Change, SendOptions } from './useChange.js';

/** The prefixes of the dictionary that have `.delete`, `.deleteConfirm` and `.deleted` (a deletion's texts). */
export type DeletionTexts = {
  [K in MessageKey]: K extends `${infer P}.deleteConfirm` ? (`${P}.delete` | `${P}.deleted` extends MessageKey ? P : never) : never;
}[MessageKey];

/**
 * Deletes a record at the version it was read at, once confirmed: the question
 * `<texts>.deleteConfirm` (with `values`), answered by the danger button `<texts>.delete`.
 * The deletion is sent with `options` (what to say, where the focus goes); true when done.
 */
export function useRemove(change: Pick<Change, 'send'>, texts: DeletionTexts) {
  const { t } = useI18n();
  const confirm = useConfirm();
  return async (path: string, version: number, { values, ...options }: SendOptions & { values?: Record<string, string> } = {}) => {
    if (!(await confirm(t(`${texts}.deleteConfirm`, values), { confirmLabel: t(`${texts}.delete`), danger: true }))) return false;
    return (await change.send('DELETE', path, undefined, { query: { version }, ...options })).ok;
  };
}

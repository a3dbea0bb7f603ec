/**
 * The import page's words and lists: the kinds of register, the fields each can carry (in the
 * order the mapping lists them), and the reason a row was rejected or an import failed, in the
 * UI's language.
 */
import { IMPORT_KINDS, type Import, type ImportFieldKey, type ImportKind, type ImportStatus } from '../../../../contracts/imports.js';
import type { Locale } from '../../../../contracts/labels.js';
import { isMessageCode } from '../../../../contracts/messages/index.js';
import { KIND_FIELDS } from '../../../../domain/imports/columns.js';
import { fieldMessage } from '../../../i18n/field-messages.js';
import type { Translate } from '../../../i18n/index.js';
import { it, type MessageKey } from '../../../i18n/it.js';

export { IMPORT_KINDS };

/** The fields a register of this kind can carry, in the mapping's order (the domain's list). */
export function fieldsOf(kind: ImportKind): readonly ImportFieldKey[] {
  return KIND_FIELDS[kind];
}

/** Statuses of an import still at work on the server: the page polls them. */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['uploaded', 'analysing', 'importing'];

export const isRunning = (status: ImportStatus) => RUNNING_STATUSES.includes(status);

/** An analysis that can be changed, imported or deleted (not imported yet). */
export const isAnalysis = (status: ImportStatus) => status === 'analysed' || status === 'failed' || status === 'uploaded';

export const fieldLabel = (t: Translate, field: string) => t(`imports.field.${field}` as MessageKey);
export const kindLabel = (t: Translate, kind: ImportKind) => t(`imports.kind.${kind}` as MessageKey);
export const statusLabel = (t: Translate, status: ImportStatus) => t(`imports.status.${status}` as MessageKey);

/** A row's reason for being rejected: a message code (contracts/messages/imports.ts) and its values. */
export function reasonText(locale: Locale, t: Translate, code: string, params: Record<string, unknown> | null | undefined): string {
  if (isMessageCode(code)) {
    return fieldMessage({ path: '', message: code, code, params: (params ?? undefined) as never }, locale);
  }
  const key = `error.${code}`;
  return key in it ? t(key as MessageKey) : t('imports.reason.unknown');
}

/** What stopped an analysis or an import, in words. */
export function failureText(locale: Locale, t: Translate, failure: NonNullable<Import['failure']>): string {
  const key = `error.${failure.code}`;
  if (key in it) return t(key as MessageKey);
  if (isMessageCode(failure.code)) return reasonText(locale, t, failure.code, failure.params);
  return t('imports.failed');
}

/** A file's size for people: 25 MB, 300 kB. */
export function sizeText(bytes: number, locale: Locale): string {
  const tag = locale === 'it' ? 'it-IT' : 'en-GB';
  if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
}

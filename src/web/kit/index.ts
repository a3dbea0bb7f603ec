/**
 * The record kit: the one way a page lists, creates, edits and deletes records.
 * - useChange: send a change (busy, problem, field errors, stale-page reload, announced success)
 * - RecordTable: an accessible, responsive table of records with row actions and paging
 * - RecordForm, FormActions, useFields, useEditing, EditableSection, InlineSelectForm, Options: forms, opened on demand, focus handled
 * - Facts: a record's facts as a definition list
 * - SearchList (own file): a list searched by name, its search box and heading
 * - ConfirmDialog, useConfirm: the accessible replacement for window.confirm
 * - announce, useAnnouncer, focusLater: what happened, said to screen readers; where focus goes
 * - orNull, pagingOf: blank text as null; a Page answer's paging for RecordTable
 */
export { announce, focusLater, useAnnouncer } from './announce.js';
export { ConfirmDialog, type ConfirmOptions, useConfirm } from './ConfirmDialog.js';
export { Facts } from './Facts.js';
export { EditableSection, FormActions, InlineSelectForm, Options, RecordForm, useEditing, useFields } from './forms.js';
export { type Column, type Paging, RecordTable, type RowAction } from './RecordTable.js';
export {
  type Change,
  type ChangeOptions,
  ChangeProblem,
  type Method,
  type SendOptions,
  type Sent,
  STALE_CODES,
  useChange,
} from './useChange.js';
export { orNull, pagingOf } from './values.js';

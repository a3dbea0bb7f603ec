/**
 * The record kit: the one way a page lists, creates, edits and deletes records.
 * - useChange: send a change (busy, problem, field errors, stale-page reload, announced success);
 *   saveRecord: a new record POSTed, or the one being corrected PATCHed at its version
 * - RecordTable: an accessible, responsive table of records with row actions and paging (rows keyed by their id
 *   unless told; a wide one, its own scrolling region); LoadedTable: a loaded list (useApiGet) as one, after the problem loading it
 * - RecordForm, FormActions, useFields, useEditing, EditableSection, InlineSelectForm, Options: forms, opened on demand, focus handled
 *   (OnDemandForm: what such a form is given, reload and onDone)
 * - boundTo, textsOf (bound.ts): a form's field bound to its value, change and error by one name
 * - FieldGroup, CheckboxList: a fieldset with legend, hint and error; a list of checkboxes
 * - RecordsHeading: the top of a page or section of records (heading, intro, notice, problems);
 *   TitledSection: a section named by its heading (and a count); LoadedSection: one that loads its own data
 *   (heading, the problem loading it, then its content)
 * - useFileChoice, FileField: a file a form uploads, its field emptied after the upload
 * - ValueSelect: a select of a value list ("Scegli" first and required, or a blank worded by the page)
 * - Facts: a record's facts as a definition list; CountTable: figures by row with totals
 * - ConfirmDialog, useConfirm: the accessible replacement for window.confirm; useRemove: a record deleted once confirmed
 * - useRowForm: a list's row actions (a row's form, or an action run at once) with their outcome above the list
 * - announce, useAnnouncer, focusLater: what happened, said to screen readers; where focus goes
 * - orNull, pagingOf: blank text as null; a Page answer's paging for RecordTable
 * Lists and their filters (own files): SearchList (a list page searched by name, or its parts:
 * useRememberedSearch, SearchBox, ListHeading), useSearch / useSearchWith (search-as-you-type for a
 * combobox), FilterForm and FilterSelect (a list's filters, then Applica; FilterPanel, a list page's
 * titled filters with Applica and Azzera; FilteredPage, the problem, the count and the table of a
 * filtered list; ChoiceOptions, the <option>s of choices; ChoiceSelect, a select of choices with its
 * blank worded), useAddressFilters (filters kept in the address), period (usePeriod, PeriodForm,
 * PeriodFields: a from–to period, the current year by default; usePeriodRecords, PeriodSection: a
 * period's totals and list, worded from one prefix), AddOrCorrectForm (the form beside a list that
 * adds a record or corrects the one chosen, worded from one prefix), PolicyForm (an organisation's policy
 * as a form of its own, loaded and saved at one address, worded from one prefix).
 */
export { announce, focusLater, useAnnouncer } from './announce.js';
export { ConfirmDialog, type ConfirmOptions, useConfirm } from './ConfirmDialog.js';
export { Facts } from './Facts.js';
export { FileField, useFileChoice } from './FileField.js';
export { EditableSection, FormActions, InlineSelectForm, type OnDemandForm, Options, RecordForm, useEditing, useFields } from './forms.js';
export { LoadedSection } from './LoadedSection.js';
export { RecordsHeading } from './RecordsHeading.js';
export {
  type Column,
  type LoadedRows,
  LoadedTable,
  type Paging,
  RecordTable,
  type RecordTableProps,
  type RowAction,
} from './RecordTable.js';
export { TitledSection } from './TitledSection.js';
export {
  type Change,
  type ChangeOptions,
  ChangeProblem,
  type Method,
  type SendOptions,
  type Sent,
  STALE_CODES,
  saveRecord,
  useChange,
} from './useChange.js';
export { type DeletionTexts, useRemove } from './useRemove.js';
export { useRowForm } from './useRowForm.js';
export { ValueSelect } from './ValueSelect.js';
export { orNull, pagingOf } from './values.js';

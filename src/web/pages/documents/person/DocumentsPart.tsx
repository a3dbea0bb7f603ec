/** One list of a person's documents (permits, identity documents): its table, a form opened on demand to add or edit one, deletion confirmed. */
import { type ComponentType, type ReactNode, useState } from 'react';
import { todayInRome } from '../../../../domain/dates.js';
import { useApiGet } from '../../../api/hooks.js';
import { TextField } from '../../../components/fields.js';
import { SuccessAlert } from '../../../components/ProblemAlert.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo, textsOf } from '../../../kit/bound.js';
import {
  type Change,
  type Column,
  focusLater,
  LoadedTable,
  orNull,
  RecordForm,
  useChange,
  useConfirm,
  useFields,
} from '../../../kit/index.js';
import { useSession } from '../../../session.js';
import { ExpiryDate } from '../expiry.js';

type Versioned = { id: number; version: number };

/** What a document's form is given: the document edited (null: a new one), where it is sent, what to do when it is saved or cancelled. */
export interface DocumentFormProps<T> {
  item: T | null;
  /** Where a new document is sent (POST). */
  path: string;
  /** Where a document is changed (PATCH, at the version read). */
  itemPath(item: T): string;
  reload(): void;
  onSaved(): void;
  onCancel(): void;
}

/** Sends a document's form: a new one, or the one edited at the version read; the form closes when it is saved. */
function useDocumentSave<T extends Versioned>({ item, path, itemPath, reload, onSaved }: DocumentFormProps<T>) {
  const change = useChange({ reload });
  const save = async (body: object) => {
    const sent = item
      ? await change.send('PATCH', itemPath(item), { version: item.version, ...body })
      : await change.send('POST', path, body);
    if (sent.ok) onSaved();
  };
  return { change, save };
}

/** A document's form under its list: titled (new or edited), its first field focused, with Cancel. */
export function DocumentForm({
  change,
  onSubmit,
  title,
  onCancel,
  children,
}: {
  change: Change;
  onSubmit(): unknown;
  title: string;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <RecordForm change={change} onSubmit={onSubmit} title={title} titleAs="h4" onCancel={onCancel} autoFocus>
      {children}
    </RecordForm>
  );
}

/** What every document has: its number, issue and expiry dates. */
type DocumentBasics = { number: string | null; issuedOn: string | null; expiresOn: string | null };
const BASICS = ['number', 'issuedOn', 'expiresOn'] as const;

/** A document's number and dates as its form starts them (blank for a new one). */
const basicsOf = (document: DocumentBasics | null) => textsOf(document, BASICS);

/** The number and dates as they are sent: blank ones as null. */
const sentBasics = (values: Record<(typeof BASICS)[number], string>): DocumentBasics => ({
  number: orNull(values.number),
  issuedOn: values.issuedOn || null,
  expiresOn: values.expiresOn || null,
});

/**
 * A document's form: its own fields (`own`, as they start) and the number and dates every document
 * has, each bound to the change by name; `submit(body)` sends the own fields' `body` with the number and dates.
 */
export function useDocumentForm<T extends Versioned & DocumentBasics, K extends string>(
  props: DocumentFormProps<T>,
  own: Record<K, string>,
) {
  const { change, save } = useDocumentSave(props);
  const form = useFields<Record<K | (typeof BASICS)[number], string>>({ ...own, ...basicsOf(props.item) });
  const bound = boundTo(form, change);
  const submit = (body: object) => save({ ...body, ...sentBasics(form.values) });
  return { change, values: form.values, bound, submit };
}

/** The columns every document has, its kind among them, which each part puts among its own. */
export type BasicColumns<T> = Record<(typeof BASICS)[number] | 'kind', Column<T>>;

/** A document's kind (a permit's type, an identity document's kind): its column's header, and its words. */
export interface DocumentKind<T> {
  header: string;
  of(item: T): string;
}

/** A document as its list shows it: what every document has, and a permit renewed since (`superseded`). */
type Listed = Versioned & DocumentBasics & { superseded?: boolean };

/** The columns every document has, by name: its kind, number, issue date and expiry (a renewed permit's expiry marked so). */
function useBasicColumns<T extends Listed>(kind: DocumentKind<T>): BasicColumns<T> {
  const { t, formatDate } = useI18n();
  const notSet = t('person.notSet');
  return {
    kind: { header: kind.header, cell: kind.of },
    number: { header: t('documents.number'), cell: (d) => d.number ?? notSet },
    issuedOn: { header: t('documents.issuedOn'), cell: (d) => (d.issuedOn ? formatDate(d.issuedOn) : notSet) },
    expiresOn: { header: t('documents.expiresOn'), cell: (d) => <ExpiryDate expiresOn={d.expiresOn} superseded={d.superseded} /> },
  };
}

/** A form's field bound by name to its value, change and error (kit/bound.ts). */
type Bound = (name: (typeof BASICS)[number]) => { value: string; onChange(event: { target: { value: string } }): void; error?: string };

/** "Numero", as every document has it, in the form's grid `column`. */
export function DocumentNumberField({ bound, column }: { bound: Bound; column: string }) {
  const { t } = useI18n();
  return <TextField column={column} label={t('documents.number')} maxLength={40} {...bound('number')} />;
}

/** "Data di rilascio", not in the future, as every document has it, in the form's grid `column`. */
export function IssuedOnField({ bound, column }: { bound: Bound; column: string }) {
  const { t } = useI18n();
  return <TextField column={column} label={t('documents.issuedOn')} type="date" max={todayInRome()} {...bound('issuedOn')} />;
}

/** "Data di rilascio" and "Data di scadenza", as every document has them. */
export function DateFields({ bound, expiresHint }: { bound: Bound; expiresHint?: string }) {
  const { t } = useI18n();
  return (
    <>
      <IssuedOnField bound={bound} column="col-sm-6 col-md-3" />
      <TextField column="col-sm-6 col-md-3" label={t('documents.expiresOn')} type="date" hint={expiresHint} {...bound('expiresOn')} />
    </>
  );
}

export function DocumentsPart<T extends Listed>({
  id,
  title,
  path,
  itemPath,
  initial,
  kind,
  columns,
  empty,
  addLabel,
  deleteConfirm,
  form: Form,
}: {
  /** Names the part's heading and its add button (ids). */
  id: string;
  title: string;
  /** The list of the person's documents, where a new one is sent too. */
  path: string;
  /** Where one of them is changed or deleted. */
  itemPath(item: T): string;
  /** The list as the person's file brought it: no request until something changes. */
  initial?: T[];
  /** Its kind, which with its number names a row in its buttons ("Modifica: Attesa occupazione J1234567"). */
  kind: DocumentKind<T>;
  /** The table's columns, among them those every document has (`basic`). */
  columns(basic: BasicColumns<T>): Array<Column<T>>;
  empty: string;
  addLabel: string;
  deleteConfirm: string;
  /** The form that adds or edits one (opened afresh for each document and version). */
  form: ComponentType<DocumentFormProps<T>>;
}) {
  const { t } = useI18n();
  const basic = useBasicColumns(kind);
  const writable = useSession().can('personal.write');
  const list = useApiGet<T[]>(path, undefined, initial);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useChange({ reload: list.reload });
  const confirm = useConfirm();
  const headingId = `${id}-title`;
  const addId = `${id}-add`;

  const open = (item: T | 'new') => {
    setNotice(null);
    removal.reset();
    setEditing(item);
  };
  // The form closes: keyboard users go back to where they add from.
  const close = () => {
    setEditing(null);
    focusLater(addId);
  };
  const remove = async (item: T) => {
    if (!(await confirm(deleteConfirm, { confirmLabel: t('documents.delete'), danger: true }))) return;
    setNotice(null);
    const sent = await removal.send('DELETE', itemPath(item), undefined, { query: { version: item.version }, focus: headingId });
    if (sent.ok) {
      setNotice(t('documents.deleted'));
      if (editing !== 'new' && editing?.id === item.id) setEditing(null);
    }
  };

  return (
    <>
      <h3 id={headingId} className="h5 mt-3" tabIndex={-1}>
        {title}
      </h3>
      <SuccessAlert message={notice} />
      <LoadedTable<T>
        loaded={list}
        problem={removal.problem}
        caption={title}
        rowName={(item) => [kind.of(item), item.number].filter(Boolean).join(' ')}
        empty={empty}
        columns={columns(basic)}
        actions={
          writable
            ? (item) => [
                { label: t('documents.edit'), onClick: () => open(item) },
                { label: t('documents.delete'), danger: true, onClick: () => remove(item) },
              ]
            : undefined
        }
      />
      {writable && editing ? (
        <Form
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          item={editing === 'new' ? null : editing}
          path={path}
          itemPath={itemPath}
          reload={list.reload}
          onSaved={() => {
            close();
            setNotice(t('documents.saved'));
          }}
          onCancel={close}
        />
      ) : null}
      {writable && !editing ? (
        <button type="button" id={addId} className="btn btn-outline-primary btn-sm mb-3" onClick={() => open('new')}>
          {addLabel}
        </button>
      ) : null}
    </>
  );
}

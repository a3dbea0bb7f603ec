import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { ChoiceOptions } from './FilterSelect.js';
import type { Change } from './useChange.js';

type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * The values of a form: `field('title')` gives `value` and `onChange` for a field component,
 * `set` changes some values, `reset` goes back to the start. With `resetOn` (e.g. the record's
 * version) the values start again from `initial` whenever it changes (the record was reloaded).
 */
export function useFields<T extends Record<string, unknown>>(initial: T, resetOn?: unknown) {
  const [values, setValues] = useState(initial);
  const [seen, setSeen] = useState(resetOn);
  if (seen !== resetOn) {
    setSeen(resetOn);
    setValues(initial);
  }
  // Stable, so effects may list it among their dependencies.
  const set = useCallback((next: Partial<T>) => setValues((current) => ({ ...current, ...next })), []);
  return {
    values,
    set,
    reset: () => setValues(initial),
    field: (name: TextKeys<T>) => ({
      value: values[name] as string,
      onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
    }),
  };
}

/** What a form opened on demand is given: `reload`, the page's data read again once it is saved, and `onDone`, which closes it. */
export interface OnDemandForm {
  reload(): void;
  onDone(): void;
}

/**
 * A form of the kit: `noValidate` (the app's own messages under the fields, never the browser's
 * bubbles), named by its visible `title` (or `label`), the change's problem on top, then the
 * fields, then Save (and Cancel, with `onCancel`). `autoFocus` puts the focus in its first field.
 */
export function RecordForm({
  change,
  onSubmit,
  title,
  addLabel,
  titleAs: Title = 'h3',
  label,
  submitLabel,
  submitClass = 'btn btn-primary',
  onCancel,
  small,
  autoFocus,
  className = 'border rounded p-3 mb-3',
  children,
}: {
  change: Pick<Change, 'busy' | 'problem'>;
  onSubmit(): unknown;
  title?: string;
  /** A form that adds: titled, and submitted, by this label (outlined button). Without it (editing in place): small buttons. */
  addLabel?: string;
  /** The title's element, for a form that is a section of its own (default h3). */
  titleAs?: 'h2' | 'h3' | 'h4';
  label?: string;
  submitLabel?: string;
  submitClass?: string;
  onCancel?: () => void;
  small?: boolean;
  autoFocus?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  if (addLabel !== undefined) {
    title ??= addLabel;
    submitLabel ??= addLabel;
    submitClass = 'btn btn-outline-primary';
  }
  const form = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form is shown
  useEffect(() => {
    if (autoFocus) form.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  }, []);
  return (
    <form
      ref={form}
      className={className}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : label}
      aria-busy={change.busy || undefined}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {title ? (
        <Title id={titleId} className={Title === 'h2' ? 'h4' : 'h6'}>
          {title}
        </Title>
      ) : null}
      {change.problem}
      {children}
      <FormActions busy={change.busy} submitLabel={submitLabel} submitClass={submitClass} onCancel={onCancel} small={small} />
    </form>
  );
}

/** A form's buttons: submit (Save unless named), and Cancel with `onCancel`. Busy: submit is aria-disabled, not disabled, so it keeps the focus. */
export function FormActions({
  busy,
  submitLabel,
  submitClass = 'btn btn-primary',
  onCancel,
  small,
}: {
  busy: boolean;
  submitLabel?: string;
  submitClass?: string;
  onCancel?: () => void;
  small?: boolean;
}) {
  const { t } = useI18n();
  const size = small ? ' btn-sm' : '';
  return (
    <div className="d-flex gap-2 flex-wrap">
      <button type="submit" className={`${submitClass}${size}`} aria-disabled={busy || undefined}>
        {submitLabel ?? t('common.save')}
      </button>
      {onCancel ? (
        <button type="button" className={`btn btn-outline-secondary${size}`} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A form shown on demand: `open()` shows it, `close()` hides it and gives the focus back to the
 * button that opened it (`buttonRef`), which is shown again.
 */
export function useEditing(initiallyOpen = false) {
  const [isOpen, setOpen] = useState(initiallyOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (!isOpen && returning.current) {
      returning.current = false;
      buttonRef.current?.focus();
    }
  }, [isOpen]);
  return {
    isOpen,
    buttonRef,
    open: () => setOpen(true),
    close: () => {
      returning.current = true;
      setOpen(false);
    },
  };
}

/**
 * In-place editing: `children` (the facts) with a button (`editLabel`, named `editName` for
 * screen readers when several are on the page) that swaps them for `form(close)`; `actions`
 * (e.g. a delete button) sit beside it. Without `children` it is an "add" button and its form.
 */
export function EditableSection({
  heading,
  editLabel,
  editName,
  editClass = 'btn btn-outline-primary btn-sm',
  canEdit = true,
  actions,
  form,
  children,
}: {
  heading?: ReactNode;
  editLabel: string;
  editName?: string;
  editClass?: string;
  canEdit?: boolean;
  actions?: ReactNode;
  form(close: () => void): ReactNode;
  children?: ReactNode;
}) {
  const editing = useEditing();
  const showButtons = canEdit && !editing.isOpen;
  return (
    <>
      {heading || showButtons ? (
        <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-2">
          {heading}
          {showButtons ? (
            <div className="d-flex gap-2 flex-wrap">
              <button ref={editing.buttonRef} type="button" className={editClass} aria-label={editName} onClick={editing.open}>
                {editLabel}
              </button>
              {actions}
            </div>
          ) : null}
        </div>
      ) : null}
      {editing.isOpen ? form(editing.close) : children}
    </>
  );
}

/**
 * A select saved on its own, as a row's status: `label` names it with the row ("Stato: …"),
 * `onSave(value)` sends the change, whose problem shows under it. The choice starts again from
 * `value` when the record's `version` changes.
 */
export function InlineSelectForm({
  label,
  value,
  version,
  options,
  submitLabel,
  change,
  onSave,
}: {
  label: string;
  value: string;
  version: number;
  options: ReadonlyArray<{ value: string; label: string }>;
  submitLabel: string;
  change: Pick<Change, 'problem'>;
  onSave(value: string): unknown;
}) {
  const draft = useFields({ value }, version);
  return (
    <>
      <form
        className="d-flex gap-2 align-items-center"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSave(draft.values.value);
        }}
      >
        <select className="form-select form-select-sm" aria-label={label} {...draft.field('value')}>
          <ChoiceOptions choices={options} />
        </select>
        <button type="submit" className="btn btn-outline-primary btn-sm text-nowrap">
          {submitLabel}
        </button>
      </form>
      {change.problem}
    </>
  );
}

/** The <option>s of a select: each of `values` (an enum) with its label (`labels`, e.g. `useI18n().labels('role')`). */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import { useI18n } from '../i18n/index.js';

export interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** The grid column the field stands in (its `<div className>` inside a form's row). */
  column?: string;
}

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}

function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <label htmlFor={id} className="form-label">
      {label}
      {required ? <span className="visually-hidden"> ({t('common.required')})</span> : null}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** What every control of a field is given: its id, and whether it is required, invalid and described. */
interface ControlProps {
  id: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A field: its label, then its control (`children`, given the `ControlProps` that tie it to the
 * label, hint and error), then its hint and error. The id is `id` when given, else a fresh one.
 * With `column`, it stands in that column of the form's grid.
 */
function Field({
  id: givenId,
  label,
  hint,
  error,
  required,
  column,
  children,
}: FieldProps & { id?: string; children(control: ControlProps): ReactNode }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const control = { id, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) } as const;
  const field = (
    <div className="mb-3">
      <FieldLabel id={id} label={label} required={required} />
      {children(control)}
      <Described id={id} hint={hint} error={error} />
    </div>
  );
  return column ? <div className={column}>{field}</div> : field;
}

/** The control's class, marked invalid when the field has an error. */
const controlClass = (base: string, error?: string) => `${base}${error ? ' is-invalid' : ''}`;

/** A field component's props in two: the field's own (label, hint, error, required, column, id) and its control's. */
function splitField<P extends FieldProps & { id?: string }>({ label, hint, error, required, column, id, ...control }: P) {
  return [{ label, hint, error, required, column, id }, control] as const;
}

export function TextField({ type = 'text', ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const [field, input] = splitField(props);
  return (
    <Field {...field}>
      {(control) => <input {...control} type={type} className={controlClass('form-control', field.error)} {...input} />}
    </Field>
  );
}

/** A whole number: a number input with the digits keyboard on phones, between `min` and `max`. */
export function NumberField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode'>) {
  return <TextField type="number" inputMode="numeric" {...props} />;
}

/** A year, from 1900 to 2100 unless narrowed by `min`/`max`. */
export function YearField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode'>) {
  return <NumberField min={1900} max={2100} {...props} />;
}

/** A new password: at least 12 characters, as the server asks (said in its hint), offered to password managers as new. */
export function NewPasswordField(props: Omit<FieldProps, 'hint' | 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { t } = useI18n();
  return <TextField type="password" autoComplete="new-password" minLength={12} required hint={t('setup.passwordHint')} {...props} />;
}

/** The password the user has now (to log in, or to confirm a change), offered by password managers. */
export function CurrentPasswordField(props: Omit<FieldProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <TextField type="password" autoComplete="current-password" required {...props} />;
}

/**
 * A code of the authenticator app (six digits: a numeric keyboard), offered from SMS and
 * password managers as a one-time code; `withRecovery` where a recovery code (letters and
 * digits) is accepted too: then no numeric keyboard.
 */
export function VerificationCodeField({
  withRecovery,
  ...props
}: Omit<FieldProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { withRecovery?: boolean }) {
  return <TextField autoComplete="one-time-code" inputMode={withRecovery ? undefined : 'numeric'} required {...props} />;
}

export function TextAreaField(props: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [field, textarea] = splitField(props);
  return (
    <Field {...field}>
      {(control) => <textarea {...control} className={controlClass('form-control', field.error)} rows={3} {...textarea} />}
    </Field>
  );
}

export function SelectField({ children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const [field, select] = splitField(props);
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} className={controlClass('form-select', field.error)} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="d-flex align-items-center gap-3 my-3" aria-label={t('common.page', { page, pages })}>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.page', { page, pages })}</span>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

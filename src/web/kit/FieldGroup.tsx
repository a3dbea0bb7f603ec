import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

/**
 * A group of fields answering one question (checkboxes, a list being built) as a fieldset: the
 * `legend` (marked required like a field's label), the `hint` under it, the fields, then the
 * `error`; hint and error are tied to the group (`${id}-hint`, `${id}-error`) like a field's.
 */
export function FieldGroup({
  id,
  legend,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="mb-3" aria-describedby={describedBy}>
      <legend className="form-label h6">
        {legend}
        {required ? <span className="visually-hidden"> ({t('common.required')})</span> : null}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="small mb-2">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * Checkboxes choosing some of `options`: `chosen` are the values ticked, `onChange` gets the new
 * choice in the options' order. Each box is `${idPrefix}-${value}`; `className` lays them out.
 */
export function CheckboxList<V extends string | number>({
  idPrefix,
  options,
  chosen,
  onChange,
  className,
  itemClassName = 'form-check',
}: {
  idPrefix: string;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  chosen: readonly V[];
  onChange(chosen: V[]): void;
  className?: string;
  itemClassName?: string;
}) {
  const toggle = (value: V, ticked: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === value ? ticked : chosen.includes(v))));
  const boxes = options.map(({ value, label }) => (
    <div className={itemClassName} key={value}>
      <input
        id={`${idPrefix}-${value}`}
        type="checkbox"
        checked={chosen.includes(value)}
        onChange={(event) => toggle(value, event.target.checked)}
      />
      <label htmlFor={`${idPrefix}-${value}`}>{label}</label>
    </div>
  ));
  return className ? <div className={className}>{boxes}</div> : boxes;
}

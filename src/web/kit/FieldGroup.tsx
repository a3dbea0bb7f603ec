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

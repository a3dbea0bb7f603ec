import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

/** The filled-in fields of a form by name, blank ones left out: a list's filters as the page's search params. */
export function filledIn(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') values[name] = value;
  return values;
}

/**
 * A list's filters in one row: the named fields (each starting from the page's address), then
 * "Applica" (or `submitLabel`, in `submitColumn`, styled `submitClass`); `onApply` gets the
 * filled-in fields by name. Keyed by the filters, it shows them again when the address changes.
 */
export function FilterForm({
  label,
  onApply,
  className = 'row align-items-end mb-3',
  submitLabel,
  submitColumn = 'col-sm-4',
  submitClass = 'btn btn-outline-primary',
  children,
}: {
  /** The form's accessible name, when the page has more than one form. */
  label?: string;
  onApply(values: Record<string, string>): void;
  className?: string;
  submitLabel?: string;
  submitColumn?: string;
  submitClass?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(filledIn(event.currentTarget));
  };
  return (
    <form onSubmit={submit} className={className} aria-label={label} noValidate>
      {children}
      <div className={`${submitColumn} mb-3`}>
        <button type="submit" className={submitClass}>
          {submitLabel ?? t('visits.apply')}
        </button>
      </div>
    </form>
  );
}

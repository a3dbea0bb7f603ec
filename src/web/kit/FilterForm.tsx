import type { ComponentProps, FormEvent, ReactNode } from 'react';
import type { ApiError, Page } from '../api/client.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useI18n } from '../i18n/index.js';
import { ExportLinks } from './ExportLinks.js';

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

/**
 * A list page's filters in a box titled "Filtri" (`id` names it): the fields in a row (`rowClass`),
 * then "Applica filtri", "Azzera" (`onReset`) and the download of what they filter: the list's
 * XLSX and CSV (`exports`, see ExportLinks) or one file (`exportLink`).
 */
export function FilterPanel({
  id,
  onApply,
  onReset,
  rowClass = 'row',
  exportLink,
  exports,
  children,
}: {
  id: string;
  onApply(event: FormEvent<HTMLFormElement>): void;
  onReset(): void;
  rowClass?: string;
  exportLink?: { href: string; label: string };
  exports?: ComponentProps<typeof ExportLinks>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form onSubmit={onApply} className="border rounded p-3 mb-3" aria-labelledby={id} noValidate>
      <h2 id={id} className="h5">
        {t('visits.filters')}
      </h2>
      <div className={rowClass}>{children}</div>
      <div className="d-flex gap-2 flex-wrap">
        <button type="submit" className="btn btn-primary">
          {t('visits.apply')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onReset}>
          {t('visits.reset')}
        </button>
        {exportLink ? (
          <a className="btn btn-outline-primary" href={exportLink.href} download>
            {exportLink.label}
          </a>
        ) : null}
        {exports ? <ExportLinks {...exports} /> : null}
      </div>
    </form>
  );
}

/**
 * The page of a filtered list: the problem loading it, how many were found (said to screen
 * readers as it changes; `countTestId` for the browser tests), then `children(page)`, the table.
 */
export function FilteredPage<T>({
  loaded,
  count,
  countTestId,
  children,
}: {
  loaded: { data?: Page<T>; error?: ApiError };
  count(total: number): string;
  countTestId: string;
  children(page: Page<T>): ReactNode;
}) {
  return (
    <>
      <ProblemAlert error={loaded.error} />
      {loaded.data ? (
        <p aria-live="polite" data-testid={countTestId}>
          {count(loaded.data.total)}
        </p>
      ) : null}
      {loaded.data ? children(loaded.data) : null}
    </>
  );
}

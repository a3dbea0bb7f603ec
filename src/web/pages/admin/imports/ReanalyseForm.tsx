/**
 * The forms that correct the dry run's reading of a file (its columns, its values, its doubtful
 * people): each a table of choices sent with "Aggiorna l'analisi", and the dry run runs again.
 */
import type { ReactNode } from 'react';
import type { Import } from '../../../../contracts/imports.js';
import { useI18n } from '../../../i18n/index.js';
import { ChoiceOptions } from '../../../kit/FilterSelect.js';
import { type Change, RecordForm, useChange } from '../../../kit/index.js';
import type { TitleAndIntro } from '../../../kit/RecordsHeading.js';

/** The form's change, and how it sends its part of the import (with the import's version). */
export function useReanalyse(imp: Import, reload: () => void) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const send = (body: Record<string, unknown>) =>
    change.send(
      'PATCH',
      `/imports/${imp.id}`,
      { version: imp.version, ...body },
      { success: t('imports.reanalysing'), focus: 'import-title' },
    );
  return { change, send };
}

/** A column of the table: its header, and a class (text-end for counts). */
export type ReanalyseColumn = string | { header: string; className: string };

/** The form worded by `texts`: `<texts>.title` (its title and the table's caption) and `<texts>.intro`. */
export function ReanalyseForm({
  change,
  onSubmit,
  texts,
  columns,
  before,
  children,
}: {
  change: Change;
  onSubmit(): unknown;
  texts: TitleAndIntro;
  columns: readonly ReanalyseColumn[];
  /** Shown between the intro and the table (an error of the whole form). */
  before?: ReactNode;
  /** The table's rows. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const title = t(`${texts}.title`);
  return (
    <RecordForm change={change} onSubmit={onSubmit} title={title} submitLabel={t('imports.reanalyse')}>
      <p className="small">{t(`${texts}.intro`)}</p>
      {before}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ) : (
                  <th key={column.header} scope="col" className={column.className}>
                    {column.header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </RecordForm>
  );
}

export type ChoiceOption = { value: string; label: string };

/**
 * A small select of one row's choice: its first option `empty` (value ''), then `options`. With
 * `label`, a label for screen readers only (the row says it to the eye); with `error`, the
 * message under it.
 */
export function ChoiceSelect({
  id,
  label,
  value,
  onChange,
  empty,
  options,
  error,
}: {
  id: string;
  label?: string;
  value: string;
  onChange(value: string): void;
  empty: string;
  options: readonly ChoiceOption[];
  error?: string;
}) {
  return (
    <>
      {label ? (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      ) : null}
      <select
        id={id}
        className={`form-select form-select-sm${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <ChoiceOptions blank={empty} choices={options} />
      </select>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </>
  );
}

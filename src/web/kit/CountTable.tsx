import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

/** A row of a CountTable: its name (the row header) and its counts, one a column. */
export interface CountRow {
  key: string | number;
  name: ReactNode;
  counts: number[];
}

/**
 * Figures as a table: `headers` name the first column (the rows' names) and then the counts'
 * columns; each row is named in a row header, its counts right-aligned in the UI's number format;
 * with `totals` a "Totale" row at the foot.
 */
export function CountTable({
  caption,
  headers,
  rows,
  totals,
  className = 'table table-sm',
  testId,
}: {
  caption: ReactNode;
  headers: string[];
  rows: CountRow[];
  totals?: number[];
  className?: string;
  testId?: string;
}) {
  const { t, formatNumber } = useI18n();
  const [nameHeader, ...countHeaders] = headers;
  return (
    <div className="table-responsive">
      <table className={className} data-testid={testId}>
        <caption className="caption-top h6 text-body">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {countHeaders.map((header) => (
              <th scope="col" className="text-end" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="fw-normal">
                {row.name}
              </th>
              {row.counts.map((count, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, a count's place is its column
                <td className="text-end" key={column}>
                  {formatNumber(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              <th scope="row">{t('common.total')}</th>
              {totals.map((count, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                <td className="text-end fw-bold" key={column}>
                  {formatNumber(count)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

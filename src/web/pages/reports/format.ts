/** How the report page writes numbers and hidden counts, and reads a download's file name. */
import type { HiddenCell } from '../../../contracts/reports.js';

/**
 * Italian with the thousands separator from 1.000 on, as statistics print it (CLDR's Italian
 * leaves 4-digit numbers ungrouped, "1284"); TypeScript's lib does not know 'always' yet.
 */
const NUMBERS = new Intl.NumberFormat('it-IT', { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions);

/** A number as the report writes it: Italian separators, whatever the interface language. */
export const formatReportNumber = (value: number) => NUMBERS.format(value);

/** A hidden count as shown: "< 5" under the threshold, "*" hidden with it. */
export const hiddenCellText = (cell: HiddenCell) => (cell.hidden === 'small' ? `< ${cell.below}` : '*');

/** The file name of a Content-Disposition header (RFC 6266: filename* first, then filename). */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** How the report page writes numbers and hidden counts, and reads a download's file name. */
import { chartCellText, formatChartNumber } from '../../../contracts/report-charts.js';
import type { HiddenCell } from '../../../contracts/reports.js';

/** A number as the report writes it (as its charts do): Italian separators, whatever the interface language. */
export const formatReportNumber = formatChartNumber;

/** A hidden count as shown: "< 5" under the threshold, "*" hidden with it. */
export const hiddenCellText = (cell: HiddenCell) => chartCellText(cell);

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

/**
 * The report's documents, from its data (ReportData) alone: PDF (print-ready A4), DOCX
 * (editable), XLSX (one sheet per table), and a CSV per table. The charts come from the same
 * ECharts options as the web preview (contracts/report-charts.ts).
 */
import type { ReportData } from '../../contracts/reports.js';
import type { RenderOptions } from './common.js';
import { findTable, tableCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export type DocumentFormat = 'pdf' | 'docx' | 'xlsx';

export const DOCUMENT_TYPES: Record<DocumentFormat | 'csv' | 'json', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export { type CoverImage, type RenderOptions, storedCoverImage } from './common.js';

/** The whole report as a document (the PDF and the DOCX with the cover image, when there is one). */
export async function renderReport(data: ReportData, format: DocumentFormat, options: RenderOptions = {}): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(data, options);
    case 'docx':
      return renderDocx(data, options);
    case 'xlsx':
      return renderXlsx(data);
  }
}

/** One table of the report as CSV (Italian: ";" and decimal commas; formula-safe), or undefined if no such table. */
export function reportTableCsv(data: ReportData, tableId: string): string | undefined {
  const table = findTable(data, tableId);
  return table ? tableCsv(table) : undefined;
}

/**
 * The report's documents, from its data (ReportData): PDF, DOCX, XLSX, and a CSV per table.
 * SKELETON: to be built.
 */
import type { ReportData } from '../../contracts/reports.js';

export type DocumentFormat = 'pdf' | 'docx' | 'xlsx';

export const DOCUMENT_TYPES: Record<DocumentFormat | 'csv' | 'json', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The whole report as a document. */
export async function renderReport(_data: ReportData, format: DocumentFormat): Promise<Buffer> {
  throw new Error(`renderReport(${format}): not built yet`);
}

/** One table of the report as CSV (Italian: ";" and decimal commas; formula-safe), or undefined if no such table. */
export function reportTableCsv(_data: ReportData, _tableId: string): string | undefined {
  throw new Error('reportTableCsv: not built yet');
}

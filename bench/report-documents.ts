/**
 * The time to write the annual report's three documents (PDF, DOCX, XLSX) from its data, one
 * after the other, as the export routes and the CLI do: target ≤ 3 s together. Called by
 * bench/run.ts with a report computed from the bench data; also runnable alone on the hand-made
 * Jesi 2024 fixture: `npx tsx bench/report-documents.ts [rounds]` (the first round includes
 * the warm-up of the modules, the next ones do not).
 */
import { pathToFileURL } from 'node:url';
import type { ReportData } from '../src/contracts/reports.js';
import { type DocumentFormat, renderReport } from '../src/exports/report/index.js';

export const REPORT_DOCUMENTS_TARGET_MS = 3000;

export interface ReportDocumentsRun {
  pdfMs: number;
  docxMs: number;
  xlsxMs: number;
  totalMs: number;
  /** CPU time of the process for the three (user + system): steadier than the clock on a busy machine. */
  cpuMs: number;
  /** Bytes of each document. */
  sizes: Record<DocumentFormat, number>;
}

export async function benchReportDocuments(data: ReportData): Promise<ReportDocumentsRun> {
  const ms: Record<DocumentFormat, number> = { pdf: 0, docx: 0, xlsx: 0 };
  const sizes: Record<DocumentFormat, number> = { pdf: 0, docx: 0, xlsx: 0 };
  const cpu = process.cpuUsage();
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    const start = performance.now();
    const bytes = await renderReport(data, format);
    ms[format] = Math.round(performance.now() - start);
    sizes[format] = bytes.length;
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  return { pdfMs: ms.pdf, docxMs: ms.docx, xlsxMs: ms.xlsx, totalMs: ms.pdf + ms.docx + ms.xlsx, cpuMs, sizes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { reportFixture } = await import('../test/support/report-fixture.js');
  const rounds = Number(process.argv[2] ?? '3');
  const data = reportFixture();
  for (let round = 1; round <= rounds; round++) {
    const run = await benchReportDocuments(data);
    const verdict = run.totalMs <= REPORT_DOCUMENTS_TARGET_MS ? 'ok' : 'MISSED';
    console.log(
      `round ${round}: pdf ${run.pdfMs} ms (${(run.sizes.pdf / 1024).toFixed(0)} KB), docx ${run.docxMs} ms (${(run.sizes.docx / 1024).toFixed(0)} KB), ` +
        `xlsx ${run.xlsxMs} ms (${(run.sizes.xlsx / 1024).toFixed(0)} KB): ${run.totalMs} ms (CPU ${run.cpuMs} ms), target ${REPORT_DOCUMENTS_TARGET_MS} ms ${verdict}`,
    );
  }
}

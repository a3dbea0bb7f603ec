/**
 * The dry run's rejected rows: listed page by page, and as a spreadsheet to fix and import again
 * (the original headers and cells, the reasons in Italian).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportReject } from '../../contracts/imports.js';
import { fillMessage, isMessageCode, MESSAGES, type MessageParams } from '../../contracts/messages/index.js';
import type { Actor } from '../auth/actor.js';
import { listRejects, streamRejects } from './imports.repository.js';
import { type ImportContext, loadImport } from './imports.usecases.js';

function toReject(row: { rowNumber: number; columnName: string | null; code: string; params: string | null; cells: string }): ImportReject {
  return {
    rowNumber: row.rowNumber,
    column: row.columnName,
    code: row.code,
    params: row.params ? (JSON.parse(row.params) as Record<string, unknown>) : null,
    cells: JSON.parse(row.cells) as Array<string | null>,
  };
}

export async function listRejectsFor(ctx: ImportContext, actor: Actor, id: number, query: { page: number; pageSize: number }) {
  await loadImport(ctx.db, actor, id);
  const { rows, total } = await listRejects(ctx.db, id, query.page, query.pageSize);
  return { items: rows.map(toReject), total, page: query.page, pageSize: query.pageSize };
}

/** A reject's reason in Italian, with its column. */
export function reasonIt(code: string, params: Record<string, unknown> | null, column: string | null): string {
  const text = isMessageCode(code) ? fillMessage(MESSAGES[code].it, (params ?? {}) as MessageParams) : code;
  return column ? `${column}: ${text}` : text;
}

const REJECTS_ROW_HEADER = 'Riga del file';
const REJECTS_REASON_HEADER = 'Motivo dello scarto';

/**
 * The rejected rows as a spreadsheet to fix and import again: the row number, the original
 * headers and cells, and a "Motivo dello scarto" column with the reasons in Italian. Cells are written as
 * text (never formulas).
 */
export async function rejectsWorkbook(ctx: ImportContext, actor: Actor, id: number): Promise<{ fileName: string; stream: Readable }> {
  const row = await loadImport(ctx.db, actor, id);
  const headers = JSON.parse(row.headers) as string[];
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Righe scartate');
  // Headers an import does not recognise, so that the fixed file imports with the register's own columns.
  sheet.addRow([REJECTS_ROW_HEADER, ...headers, REJECTS_REASON_HEADER]).commit();
  const write = async () => {
    let pending: { rowNumber: number; cells: Array<string | null>; reasons: string[] } | null = null;
    const flush = () => {
      if (!pending) return;
      sheet.addRow([pending.rowNumber, ...pending.cells.map((c) => c ?? ''), pending.reasons.join('; ')].map(textCell)).commit();
    };
    for await (const batch of streamRejects(ctx.db, id)) {
      for (const reject of batch) {
        const reason = reasonIt(
          reject.code,
          reject.params ? (JSON.parse(reject.params) as Record<string, unknown>) : null,
          reject.columnName,
        );
        if (pending && pending.rowNumber === reject.rowNumber) pending.reasons.push(reason);
        else {
          flush();
          pending = { rowNumber: reject.rowNumber, cells: JSON.parse(reject.cells) as Array<string | null>, reasons: [reason] };
        }
      }
    }
    flush();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  const base =
    row.fileName
      .replace(/\.(xlsx|csv|txt)$/i, '')
      .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
      .slice(0, 80) || 'registro';
  return { fileName: `${base}-scartate.xlsx`, stream: out };
}

/** A cell as text: numbers stay numbers (the row number), everything else a string, never a formula. */
function textCell(value: string | number): string | number {
  return typeof value === 'number' ? value : String(value);
}

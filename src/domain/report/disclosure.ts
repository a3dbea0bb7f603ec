/**
 * Disclosure control for a report meant for publication (counting rules, "Small numbers"):
 * counts from 1 to threshold − 1 are hidden ("small"), and in every line that adds up to a
 * total (a column over the rows, a row over the columns when the table has a total column),
 * a line with exactly one hidden cell gets a second one ("complementary", the smallest other
 * non-zero count, else the total), repeated until no line has one: otherwise the hidden count
 * would be the total minus the others. Zeros stay shown: hiding them protects nobody.
 */

export type Hidden = { hidden: 'small' | 'complementary'; below: number };
export type Cell = string | number | null | Hidden;

/** The shape of a report table this needs (the report's tables have it). */
export interface DisclosableTable {
  /** Numeric columns are counts, unless they are measures (hours, lessons), which stay shown. */
  columns: ReadonlyArray<{ key: string; numeric: boolean; measure?: boolean }>;
  rows: Array<{ cells: Record<string, Cell>; total?: boolean }>;
  totalColumn?: string;
}

type Position = { row: number; column: string };

/** Hides the small counts of a table in place, with their complements. Returns how many cells it hid. */
export function protectTable(table: DisclosableTable, threshold: number): number {
  if (threshold <= 1) return 0;
  const numeric = table.columns.filter((c) => c.numeric && !c.measure).map((c) => c.key);
  let hiddenCount = 0;
  const hide = (pos: Position, kind: Hidden['hidden']) => {
    (table.rows[pos.row] as { cells: Record<string, Cell> }).cells[pos.column] = { hidden: kind, below: threshold };
    hiddenCount += 1;
  };
  const cellAt = (pos: Position) => table.rows[pos.row]?.cells[pos.column] ?? null;

  table.rows.forEach((row, r) => {
    for (const column of numeric) {
      const value = row.cells[column];
      if (typeof value === 'number' && value > 0 && value < threshold) hide({ row: r, column }, 'small');
    }
  });

  // Each line: its parts and its total.
  const lines: Array<{ parts: Position[]; total: Position | null }> = [];
  const totalRow = table.rows.findIndex((row) => row.total);
  for (const column of numeric) {
    const parts = table.rows.flatMap((row, r) => (row.total ? [] : [{ row: r, column }]));
    lines.push({ parts, total: totalRow >= 0 ? { row: totalRow, column } : null });
  }
  if (table.totalColumn) {
    const partColumns = numeric.filter((c) => c !== table.totalColumn);
    table.rows.forEach((_row, r) => {
      lines.push({ parts: partColumns.map((column) => ({ row: r, column })), total: { row: r, column: table.totalColumn as string } });
    });
  }

  for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
    changed = false;
    for (const line of lines) {
      if (!line.total) continue; // without a total nothing can be worked out by subtraction
      const all = [...line.parts, line.total];
      if (all.filter((p) => isHiddenCell(cellAt(p))).length !== 1) continue;
      const candidates = line.parts
        .filter((p) => typeof cellAt(p) === 'number' && (cellAt(p) as number) > 0)
        .sort((a, b) => (cellAt(a) as number) - (cellAt(b) as number));
      const pick = candidates[0] ?? (isHiddenCell(cellAt(line.total)) ? undefined : line.total);
      if (pick && typeof cellAt(pick) === 'number') {
        hide(pick, 'complementary');
        changed = true;
      }
    }
  }
  return hiddenCount;
}

export function isHiddenCell(cell: Cell): cell is Hidden {
  return typeof cell === 'object' && cell !== null;
}

/** A figure on its own ("Totale: 3"): hidden when small. */
export function protectFigure(value: Cell, threshold: number): Cell {
  return typeof value === 'number' && value > 0 && value < threshold ? { hidden: 'small', below: threshold } : value;
}

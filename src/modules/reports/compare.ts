/**
 * Two versions of a report compared figure by figure: every cell of every table and every
 * headline figure, matched by block id, row key and column key, so that a row added, removed
 * or moved is seen as such. Texts are compared as a whole.
 */
import type { ReportCell, ReportComparison, ReportData, ReportDifference } from '../../contracts/reports.js';

interface Figure {
  section: string;
  table: string;
  row: string;
  column: string;
  value: ReportCell;
}

/** Every figure of a report by path ("blockId/rowKey/columnKey", "blockId/itemKey"). */
export function figuresOf(data: ReportData): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const section of data.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'table') {
        const labelColumn = block.columns.find((c) => !c.numeric)?.key;
        for (const row of block.rows) {
          const rowLabel = labelColumn ? String(row.cells[labelColumn] ?? row.key) : row.key;
          for (const column of block.columns.filter((c) => c.numeric)) {
            figures.set(`${block.id}/${row.key}/${column.key}`, {
              section: section.title,
              table: block.title,
              row: rowLabel,
              column: column.label,
              value: row.cells[column.key] ?? null,
            });
          }
        }
      } else if (block.kind === 'figures') {
        for (const item of block.items) {
          figures.set(`${block.id}/${item.key}`, {
            section: section.title,
            table: block.title ?? section.title,
            row: item.label,
            column: '',
            value: item.value,
          });
        }
      }
    }
  }
  return figures;
}

const same = (a: ReportCell | undefined, b: ReportCell | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function compareReports(from: ReportData, to: ReportData, numbers: { from: number; to: number }): ReportComparison {
  const before = figuresOf(from);
  const after = figuresOf(to);
  const differences: ReportDifference[] = [];
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && same(a.value, b.value)) continue;
    const where = (b ?? a) as Figure;
    differences.push({
      path,
      section: where.section,
      table: where.table,
      row: where.row,
      column: where.column,
      ...(a ? { from: a.value } : {}),
      ...(b ? { to: b.value } : {}),
    });
  }
  const textsOf = (data: ReportData) =>
    new Map(
      data.sections.flatMap((section) =>
        section.blocks.flatMap((block) =>
          block.kind === 'text' ? [[block.id, { title: block.title ?? section.title, markdown: block.markdown }] as const] : [],
        ),
      ),
    );
  const textsBefore = textsOf(from);
  const textsAfter = textsOf(to);
  const changedTexts = [...new Set([...textsBefore.keys(), ...textsAfter.keys()])]
    .filter((id) => textsBefore.get(id)?.markdown !== textsAfter.get(id)?.markdown)
    .map((id) => ({ id, title: (textsAfter.get(id) ?? textsBefore.get(id))?.title ?? id }));
  return { from: numbers.from, to: numbers.to, figures: paths.length, differences, changedTexts };
}

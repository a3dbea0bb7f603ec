/**
 * The report's preview: its contents, then every section in order with its number and title,
 * and each block as the documents show it: headline figures, accessible tables with their chart
 * (ECharts, loaded when first drawn; the table is the chart's text alternative), and the texts
 * rendered from Markdown, which the coordinator can edit in place (report/TextBlocks).
 */
import type { ReportData, ReportFigures, ReportSection, ReportTable } from '../../../contracts/reports.js';
import { useI18n } from '../../i18n/index.js';
import { SafeChart } from './ReportChart.js';
import type { ReportContext } from './report/data.js';
import { AddFreeBlock, blockAnchor, sectionAnchor, sectionHeadingId, TextBlock } from './report/TextBlocks.js';
import { CellText } from './shared.js';

export interface PreviewActions {
  /** The coordinator on the draft: the report, to edit its texts and add some. Otherwise only the tables' menu. */
  editing: ReportContext | null;
  /** Downloads one table as CSV. */
  downloadCsv(table: ReportTable): void;
}

export function Contents({ data, extra }: { data: ReportData; extra?: Array<{ href: string; label: string }> }) {
  const { t } = useI18n();
  return (
    <nav aria-labelledby="report-contents" className="mb-4">
      <h2 id="report-contents" className="h4">
        {t('reports.contents')}
      </h2>
      <ol className="list-unstyled">
        {data.sections.map((section) => (
          <li key={section.id}>
            <a href={`#${sectionAnchor(section.id)}`}>
              {section.number}. {section.title}
            </a>
          </li>
        ))}
        {extra?.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Preview({ data, actions }: { data: ReportData; actions: PreviewActions | null }) {
  return (
    <div data-testid="report-preview">
      {data.sections.map((section) => (
        <SectionView key={section.id} section={section} actions={actions} />
      ))}
    </div>
  );
}

function SectionView({ section, actions }: { section: ReportSection; actions: PreviewActions | null }) {
  const headingId = sectionHeadingId(section.id);
  const editing = actions?.editing ?? null;
  return (
    <section id={sectionAnchor(section.id)} aria-labelledby={headingId} className="report-section mb-5">
      <h2 id={headingId} className="h3 border-bottom pb-2" tabIndex={-1}>
        {section.number}. {section.title}
      </h2>
      {section.blocks.map((block) => {
        if (block.kind === 'table') return <TableBlock key={block.id} table={block} actions={actions} />;
        if (block.kind === 'figures') return <FiguresBlock key={block.id} figures={block} />;
        return <TextBlock key={block.id} block={block} section={section} context={editing} />;
      })}
      {editing ? <AddFreeBlock section={section} context={editing} /> : null}
    </section>
  );
}

function FiguresBlock({ figures }: { figures: ReportFigures }) {
  return (
    <div className="mb-4" id={blockAnchor(figures.id)} data-testid={`block-${figures.id}`}>
      {figures.title ? <h3 className="h5">{figures.title}</h3> : null}
      <dl className="row report-figures">
        {figures.items.map((item) => (
          <div key={item.key} className="col-sm-6 col-lg-4 mb-2">
            <dt className="fw-normal">{item.label}</dt>
            <dd className="h4 mb-0">
              <CellText cell={item.value} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function TableBlock({ table, actions }: { table: ReportTable; actions: PreviewActions | null }) {
  const { t } = useI18n();
  const body = table.rows.filter((row) => !row.total);
  const totals = table.rows.filter((row) => row.total);
  const headerColumn = table.columns.find((c) => !c.numeric)?.key ?? table.columns[0]?.key;
  const cells = (row: (typeof table.rows)[number], bold: boolean) =>
    table.columns.map((column) => {
      const content = <CellText key="cell" cell={row.cells[column.key]} />;
      const className = [column.numeric ? 'text-end text-nowrap' : '', bold ? 'fw-bold' : 'fw-normal'].filter(Boolean).join(' ');
      return column.key === headerColumn ? (
        <th key={column.key} scope="row" className={className || undefined}>
          {content}
        </th>
      ) : (
        <td key={column.key} className={className || undefined}>
          {content}
        </td>
      );
    });
  return (
    <div className="mb-4 report-table" id={blockAnchor(table.id)} data-testid={`block-${table.id}`}>
      <h3 className="h5">{table.title}</h3>
      <SafeChart table={table} />
      {/* A table of a few columns reads better narrow than across the page. */}
      <div className="table-responsive" style={table.columns.length <= 3 ? { maxWidth: '42rem' } : undefined}>
        <table className="table table-sm">
          <caption className="caption-top visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.key} scope="col" className={column.numeric ? 'text-end' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>{t('reports.table.empty')}</td>
              </tr>
            ) : (
              body.map((row) => <tr key={row.key}>{cells(row, false)}</tr>)
            )}
          </tbody>
          {totals.length > 0 ? (
            <tfoot>
              {totals.map((row) => (
                <tr key={row.key}>{cells(row, true)}</tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>
      {table.notes?.length ? (
        <ul className="small list-unstyled">
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {actions ? (
        // biome-ignore lint/a11y/useSemanticElements: a toolbar of the table's actions, not a form group
        <div role="group" aria-label={t('reports.table.menu', { title: table.title })} className="d-flex gap-2">
          <button
            type="button"
            className="btn btn-outline-primary btn-xs btn-sm"
            aria-label={t('reports.table.csvOf', { title: table.title })}
            onClick={() => actions.downloadCsv(table)}
          >
            {t('reports.table.csv')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

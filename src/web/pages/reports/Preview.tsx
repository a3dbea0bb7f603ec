/**
 * The report's preview: its contents, then every section in order with its number and title,
 * and each block as the documents show it: headline figures, accessible tables with their chart
 * (ECharts, loaded when first drawn; the table is the chart's text alternative), and the texts
 * rendered from Markdown, which the coordinator can edit in place.
 */
import { Component, type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { chartOption } from '../../../contracts/report-charts.js';
import type { FreeBlock, ReportData, ReportFigures, ReportSection, ReportTable, ReportText } from '../../../contracts/reports.js';
import { ApiError } from '../../api/client.js';
import { TextAreaField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { CellText, Markdown } from './shared.js';

export interface PreviewActions {
  /** The coordinator on the draft: texts can be edited and added. Otherwise only the tables' menu. */
  editable: boolean;
  /** Saves a narrative block's text ("" goes back to the draft). */
  saveNarrative(blockId: string, markdown: string): Promise<void>;
  /** Saves the coordinator's added blocks (the whole list); `done` says what the change was, for the confirmation. */
  saveFreeBlocks(blocks: FreeBlock[], done: 'added' | 'saved' | 'removed'): Promise<void>;
  /** The free blocks as saved, to change one of them. */
  freeBlocks: FreeBlock[];
  /** Downloads one table as CSV. */
  downloadCsv(table: ReportTable): void;
}

/** The anchor of a section in the page (the contents link to it). */
export const sectionAnchor = (id: string) => `report-section-${id}`;
const blockAnchor = (id: string) => `report-block-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

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
  const headingId = `${sectionAnchor(section.id)}-title`;
  return (
    <section id={sectionAnchor(section.id)} aria-labelledby={headingId} className="report-section mb-5">
      <h2 id={headingId} className="h3 border-bottom pb-2">
        {section.number}. {section.title}
      </h2>
      {section.blocks.map((block) => {
        if (block.kind === 'table') return <TableBlock key={block.id} table={block} actions={actions} />;
        if (block.kind === 'figures') return <FiguresBlock key={block.id} figures={block} />;
        return <TextBlock key={block.id} block={block} sectionTitle={section.title} actions={actions} />;
      })}
      {actions?.editable ? <AddFreeBlock section={section} actions={actions} /> : null}
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

/** Any error while drawing a chart leaves the table alone (the chart module may not be ready). */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function SafeChart({ table }: { table: ReportTable }) {
  // The options object is the effect's dependency: computed again only with a new table.
  const option = useMemo(() => {
    try {
      return chartOption(table);
    } catch {
      return null;
    }
  }, [table]);
  if (!option) return null;
  return (
    <ChartBoundary>
      <Chart table={table} option={option} />
    </ChartBoundary>
  );
}

type EChartsInstance = { setOption(option: Record<string, unknown>): void; resize(): void; dispose(): void };

/** The chart drawn by ECharts (SVG), loaded on first use; if it cannot be drawn, it disappears. */
function Chart({ table, option }: { table: ReportTable; option: Record<string, unknown> }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const horizontal = table.chart?.type === 'horizontalBar';
  const height = horizontal ? Math.max(240, Math.min(900, 40 + table.rows.length * 28)) : 320;

  useEffect(() => {
    let chart: EChartsInstance | undefined;
    let observer: ResizeObserver | undefined;
    let live = true;
    import('./echarts.js')
      .then(({ init }) => {
        if (!live || !container.current) return;
        chart = init(container.current, null, { renderer: 'svg' }) as unknown as EChartsInstance;
        // The figure is named here and the table is its text alternative: ECharts' own (English)
        // description of the data is left out, its decal patterns kept.
        const aria = (option.aria ?? {}) as Record<string, unknown>;
        chart.setOption({ ...option, aria: { ...aria, label: { ...((aria.label ?? {}) as object), enabled: false } } });
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(container.current);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);

  if (failed) return null;
  return (
    <figure className="report-chart mb-2" data-testid={`chart-${table.id}`}>
      <div role="img" aria-label={t('reports.chart.name', { title: table.title })}>
        <div ref={container} style={{ width: '100%', height }} />
      </div>
      {table.chart?.caption ? <figcaption className="small">{table.chart.caption}</figcaption> : null}
    </figure>
  );
}

function TextBlock({ block, sectionTitle, actions }: { block: ReportText; sectionTitle: string; actions: PreviewActions | null }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(block.markdown);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const textareaId = useId();
  // An untitled text is named by its section, so that each "Modifica" says what it edits.
  const title = block.title ?? sectionTitle;
  const headingId = `${blockAnchor(block.id)}-title`;

  const open = () => {
    setText(block.markdown);
    setError(null);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  useEffect(() => {
    if (editing) document.getElementById(textareaId)?.focus();
  }, [editing, textareaId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!actions) return;
    setSaving(true);
    setError(null);
    try {
      if (block.free) {
        await actions.saveFreeBlocks(
          actions.freeBlocks.map((b) => (b.id === block.id ? { ...b, markdown: text } : b)),
          'saved',
        );
      } else {
        // The draft itself is saved as "" so that the text keeps following the figures.
        await actions.saveNarrative(block.id, text.trim() === block.draft.trim() ? '' : text);
      }
      close();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!actions || !window.confirm(t('reports.text.removeConfirm', { title }))) return;
    try {
      await actions.saveFreeBlocks(
        actions.freeBlocks.filter((b) => b.id !== block.id),
        'removed',
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    }
  };

  return (
    <div className="mb-4 report-text" id={blockAnchor(block.id)} data-testid={`block-${block.id}`}>
      <div className="d-flex justify-content-between align-items-start gap-2 flex-wrap">
        {block.title ? (
          <h3 id={headingId} className="h5">
            {block.title}
          </h3>
        ) : (
          <span />
        )}
        {actions?.editable && !editing ? (
          <div className="d-flex gap-2">
            <button
              ref={editButton}
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-label={t('reports.text.editOf', { title })}
              onClick={open}
            >
              {t('reports.text.edit')}
            </button>
            {block.free ? (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-label={t('reports.text.removeOf', { title })}
                onClick={remove}
              >
                {t('reports.text.remove')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <ProblemAlert error={error} />
      {editing && actions?.editable ? (
        <form onSubmit={save} aria-label={t('reports.text.editOf', { title })}>
          <TextAreaField
            id={textareaId}
            label={t('reports.text.label')}
            hint={block.free ? undefined : t('reports.text.restoreHint')}
            rows={Math.min(20, Math.max(5, text.split('\n').length + 2))}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="d-flex gap-2 flex-wrap">
            <button type="submit" className="btn btn-primary btn-sm" disabled={saving}>
              {t('reports.text.save')}
            </button>
            {!block.free ? (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setText(block.draft)}>
                {t('reports.text.restore')}
              </button>
            ) : null}
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="report-markdown">
          {block.markdown.trim() ? <Markdown source={block.markdown} /> : <p className="text-muted">{t('reports.text.empty')}</p>}
          {block.edited && !block.free && actions?.editable ? <p className="small text-muted">{t('reports.text.edited')}</p> : null}
        </div>
      )}
    </div>
  );
}

/** "Aggiungi un blocco di testo": a title and a text, added at the end of the section. */
function AddFreeBlock({ section, actions }: { section: ReportSection; actions: PreviewActions }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const openButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) document.getElementById(titleId)?.focus();
  }, [open, titleId]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const markdown = String(form.get('markdown') ?? '');
    if (!title) {
      setError(new ApiError(400, 'validation.failed'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const id = `free-${Date.now().toString(36)}-${Math.floor(Math.random() * 1296).toString(36)}`;
      await actions.saveFreeBlocks([...actions.freeBlocks, { id, sectionId: section.id, title, markdown }], 'added');
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <button
        ref={openButton}
        type="button"
        className="btn btn-outline-primary btn-sm"
        aria-label={t('reports.free.addTo', { section: section.title })}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('reports.free.add')}
      </button>
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('reports.free.addTo', { section: section.title })} className="border rounded p-3" noValidate>
      <ProblemAlert error={error} />
      <TextField id={titleId} name="title" label={t('reports.free.title')} hint={t('reports.free.titleHint')} required maxLength={200} />
      <TextAreaField name="markdown" label={t('reports.text.label')} rows={6} maxLength={20_000} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={saving}>
          {t('reports.free.save')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          onClick={() => {
            setOpen(false);
            requestAnimationFrame(() => openButton.current?.focus());
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

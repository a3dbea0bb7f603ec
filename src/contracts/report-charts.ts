/**
 * The chart of a report table as ECharts options: one definition for the web preview
 * (interactive: tooltip, animation) and the documents (`print: true`: static, DejaVu Sans, the
 * SVG rendered on the server). Drawn from the table alone: the total row never, hidden counts
 * as no value with their label ("< 5", "*"), numbers in the Italian format.
 */
import { type ChartSpec, isHidden, type ReportCell, type ReportTable } from './reports.js';

export interface ChartOptionSettings {
  /** Documents: no animation, no tooltip or toolbox, the DejaVu Sans font embedded in the PDF. */
  print?: boolean;
}

/**
 * Bootstrap Italia's primary blue first, then companions from its palette chosen so that
 * neighbouring colours differ in lightness too: the chart stays readable printed in grey.
 */
export const CHART_PALETTE = ['#0066CC', '#17324D', '#E6A23C', '#008758', '#5C6F82', '#99C2EB', '#CC334D', '#B3C1CE'] as const;

/**
 * One colour per category in every chart of the report (and of the home page): «Italiani» is
 * the same blue in the visits' pie, the people's pie and the comparison's line, whatever slices
 * a chart leaves out. Keyed by the row's key (a pie's slices) or the column's key (the series of
 * a comparison); a category not named here takes the palette's colours in order, skipping those
 * the chart's named categories hold.
 */
export const CATEGORY_COLOURS: Readonly<Record<string, string>> = {
  total: '#17324D',
  italian: '#0066CC',
  eu: '#E6A23C',
  non_eu: '#008758',
  female: '#CC334D',
  male: '#99C2EB',
  unspecified: '#B3C1CE',
  not_stated: '#B3C1CE',
  _other: '#5C6F82',
};

/** The colours of a chart's categories (or series), in their order. */
export function categoryColours(keys: readonly string[]): string[] {
  const named = new Set(keys.map((key) => CATEGORY_COLOURS[key]).filter((colour): colour is string => !!colour));
  const free = CHART_PALETTE.filter((colour) => !named.has(colour));
  let next = 0;
  return keys.map((key) => CATEGORY_COLOURS[key] ?? free[next++ % free.length] ?? CHART_PALETTE[0]);
}

/** The font of the documents' charts (the PDF's embedded DejaVu Sans). */
export const CHART_PRINT_FONT = 'DejaVu Sans';
const SCREEN_FONT = "'Titillium Web', Geneva, Tahoma, sans-serif";

/**
 * Italian with the thousands separator from 1.000 on (CLDR's Italian leaves 4-digit numbers
 * ungrouped, "1284"; statistics print "1.284"). TypeScript's lib does not know 'always' yet.
 */
const numberFormat = new Intl.NumberFormat('it-IT', { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions);
/** 1234.5 → "1.234,5". */
export const formatChartNumber = (value: number): string => numberFormat.format(value);

/** What a cell says in a chart label: the number in Italian, "< 5" or "*" for a hidden count. */
export function chartCellText(cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isHidden(cell)) return cell.hidden === 'small' ? `< ${cell.below}` : '*';
  return typeof cell === 'number' ? formatChartNumber(cell) : cell;
}

interface Datum {
  value: number | '-';
  name?: string;
  /** What the label and the tooltip say. */
  text: string;
  label?: { show: true; formatter: string };
}

/** A hidden count is drawn as nothing (0, or a gap on a line) with its label. */
function datum(cell: ReportCell | undefined, gap: boolean): Datum {
  if (cell !== null && cell !== undefined && isHidden(cell)) {
    const text = chartCellText(cell);
    return { value: gap ? '-' : 0, text, label: { show: true, formatter: text } };
  }
  if (typeof cell === 'number') return { value: cell, text: formatChartNumber(cell) };
  return { value: '-', text: '' };
}

interface LabelParams {
  data?: { text?: string };
  value?: unknown;
  percent?: number;
  name?: string;
}

interface TooltipParams extends LabelParams {
  marker?: string;
  seriesName?: string;
  axisValueLabel?: string;
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const labelText = (params: LabelParams): string =>
  params.data?.text ?? (typeof params.value === 'number' ? formatChartNumber(params.value) : '');

/** ECharts options for the table's chart, or null when it has none. */
export function chartOption(table: ReportTable, settings: ChartOptionSettings = {}): Record<string, unknown> | null {
  const spec = table.chart;
  if (!spec) return null;
  const print = settings.print === true;
  const rows = table.rows.filter((row) => !row.total);
  const categories = rows.map((row) => chartCellText(row.cells[spec.categoryColumn]));
  const columnLabel = (key: string) => table.columns.find((column) => column.key === key)?.label ?? key;
  const textColour = '#1a1a1a';

  const base: Record<string, unknown> = {
    color: [...CHART_PALETTE],
    animation: !print,
    backgroundColor: print ? '#ffffff' : 'transparent',
    textStyle: { fontFamily: print ? CHART_PRINT_FONT : SCREEN_FONT, color: textColour },
    aria: { enabled: true },
  };
  if (!print) {
    // The tooltip is HTML: every name in it is escaped (a category is whatever the catalogue says).
    base.tooltip = {
      trigger: spec.type === 'pie' ? 'item' : 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipParams | TooltipParams[]) =>
        Array.isArray(params)
          ? [
              escapeHtml(params[0]?.axisValueLabel ?? ''),
              ...params.map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: <strong>${escapeHtml(labelText(p))}</strong>`),
            ].join('<br/>')
          : `${params.marker ?? ''}${escapeHtml(pieLabel(params))}`,
    };
  }
  const many = spec.seriesColumns.length > 1;
  if (many) base.legend = { top: 0, itemGap: 24, textStyle: { color: textColour } };

  if (spec.type === 'pie') {
    const column = spec.seriesColumns[0]!;
    // A slice of 0 is nothing to draw (a hidden count keeps its label).
    const slices = rows
      .map((row, index) => ({ key: row.key, datum: { ...datum(row.cells[column], false), name: categories[index] } }))
      .filter(({ datum: d }) => d.value !== 0 || d.label !== undefined);
    const data = slices.map((slice) => slice.datum);
    return {
      ...base,
      color: categoryColours(slices.map((slice) => slice.key)),
      series: [
        {
          type: 'pie',
          name: columnLabel(column),
          radius: ['0%', '58%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          // Long labels wrap rather than end in "…".
          label: { show: true, formatter: (p: LabelParams) => pieLabel(p), color: textColour, fontSize: 12, width: 190, overflow: 'break' },
          labelLine: { show: true },
          data,
        },
      ],
    };
  }

  const horizontal = spec.type === 'horizontalBar';
  const line = spec.type === 'line';
  const categoryAxis = {
    type: 'category',
    data: categories,
    // Categories in table order, top to bottom.
    ...(horizontal ? { inverse: true } : {}),
    // Every category named; long names wrap under their bar.
    axisLabel: {
      color: textColour,
      interval: 0,
      // Under vertical bars a name wraps within its own slot (the documents' chart is 640 px wide).
      ...(horizontal
        ? { width: 244, overflow: 'truncate' }
        : { width: Math.max(40, Math.min(96, Math.floor(600 / Math.max(1, categories.length)) - 8)), overflow: 'break' }),
    },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: textColour, formatter: (value: number) => formatChartNumber(value) },
    splitLine: { lineStyle: { color: '#d9dadb' } },
  };
  const series = spec.seriesColumns.map((column) => ({
    type: line ? 'line' : 'bar',
    name: columnLabel(column),
    data: rows.map((row) => datum(row.cells[column], line)),
    label: { show: true, position: horizontal ? 'right' : 'top', formatter: labelText, color: textColour, fontSize: 11 },
    // Lines that run close: their labels move apart rather than print over each other.
    labelLayout: { moveOverlap: 'shiftY' },
    ...(line ? { symbol: 'circle', symbolSize: 7, connectNulls: false } : { barMaxWidth: 48 }),
    emphasis: { focus: 'series' },
  }));
  return {
    ...base,
    // A single series is the chart's one colour; several are their categories' (see CATEGORY_COLOURS).
    ...(many ? { color: categoryColours(spec.seriesColumns) } : {}),
    grid: horizontal
      ? // ECharts measures text without the font on the server: the room for the category names is
        // reserved from their length (DejaVu Sans averages under 7.4 px a character at 12 px).
        { left: Math.min(260, 16 + 7.4 * Math.max(4, ...categories.map((c) => c.length))), right: 48, top: many ? 40 : 16, bottom: 28 }
      : { left: 8, right: 16, top: many ? 40 : 24, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** "Italiani: 22 (13,5%)"; a hidden count keeps its label and no percentage. */
function pieLabel(params: LabelParams): string {
  const text = labelText(params);
  const hidden = typeof params.value !== 'number' || params.data?.text?.startsWith('<') || params.data?.text === '*';
  if (hidden) return `${params.name}: ${text}`;
  const percent =
    typeof params.percent === 'number' ? `${new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(params.percent)}%` : '';
  return `${params.name}: ${text} (${percent})`;
}

const CHART_KINDS: Record<ChartSpec['type'], string> = {
  bar: 'Grafico a barre',
  horizontalBar: 'Grafico a barre orizzontali',
  pie: 'Grafico a torta',
  line: 'Grafico a linee',
};

/**
 * What the chart shows, in words, for whoever cannot see it (a PDF figure's alternative text,
 * an image's description): its kind and title, then every figure it draws, from the table's own
 * cells: «Grafico a torta: Provenienza (N. accessi). Italiani 62, Comunitari 9, Extracomunitari
 * 297, Non specificato 3.»; several series one after the other, «Totale: 2022 149, 2023 160…».
 * Null when the table has no chart.
 */
export function chartAltText(table: ReportTable): string | null {
  const spec = table.chart;
  if (!spec) return null;
  const rows = table.rows.filter((row) => !row.total);
  const columnLabel = (key: string) => table.columns.find((column) => column.key === key)?.label ?? key;
  const figures = (column: string) =>
    rows.map((row) => `${chartCellText(row.cells[spec.categoryColumn])} ${chartCellText(row.cells[column]) || '-'}`).join(', ');
  const head = `${CHART_KINDS[spec.type]}: ${table.title}`;
  if (spec.seriesColumns.length === 1) return `${head} (${columnLabel(spec.seriesColumns[0]!)}). ${figures(spec.seriesColumns[0]!)}.`;
  return `${head}. ${spec.seriesColumns.map((column) => `${columnLabel(column)}: ${figures(column)}`).join('; ')}.`;
}

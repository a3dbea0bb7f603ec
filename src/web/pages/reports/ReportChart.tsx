/**
 * A report table's chart on a page: the report's chart options (contracts/report-charts.ts)
 * drawn by ECharts as SVG, loaded when first drawn; the table beside it is its text
 * alternative. Used by the report's preview and the home page.
 */
import { Component, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { chartOption } from '../../../contracts/report-charts.js';
import type { ReportTable } from '../../../contracts/reports.js';
import { useI18n } from '../../i18n/index.js';

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

export function SafeChart({ table }: { table: ReportTable }) {
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

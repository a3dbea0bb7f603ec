/**
 * ECharts for the report preview, loaded only when a chart is drawn (a dynamic import of this
 * module): the chart types and components the report's charts use, drawn as SVG. Each is named
 * once, through its module's namespace (the bundler keeps only those named).
 */
import * as charts from 'echarts/charts';
import * as components from 'echarts/components';
import { init, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

use([
  charts.BarChart,
  charts.LineChart,
  charts.PieChart,
  components.AriaComponent,
  components.DatasetComponent,
  components.GraphicComponent,
  components.GridComponent,
  components.LegendComponent,
  components.TitleComponent,
  components.TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export { init };

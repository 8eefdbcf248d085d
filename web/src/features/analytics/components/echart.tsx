import { BarChart, FunnelChart, LineChart, PieChart, ScatterChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption, type PieSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerCharts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartCanvas, type EChartCanvasProps } from '../../../shared/charts/echart-canvas';

// Only the parts the dashboards use; this module is reached only from the lazily loaded dashboards page.
registerCharts([BarChart, LineChart, PieChart, FunnelChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | FunnelSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

/** A chart of the dashboards: the shared canvas with this module's chart types registered. */
export function EChart({ height = 300, ...props }: Omit<EChartCanvasProps<ChartOption>, 'height'> & { height?: number; ariaLabel: string }) {
  return <EChartCanvas<ChartOption> height={height} {...props} />;
}

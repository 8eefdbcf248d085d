import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerCharts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChartCanvas, type EChartCanvasProps } from '../../../shared/charts/echart-canvas';

// Only the parts the charts use: this keeps the page's chunk small (the page itself is lazy-loaded).
registerCharts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** A chart of the pipeline and forecast: the shared canvas with this module's chart types registered. */
export function EChart({ height = 320, ...props }: Omit<EChartCanvasProps<ChartOption>, 'height'> & { height?: number }) {
  return <EChartCanvas<ChartOption> height={height} {...props} />;
}

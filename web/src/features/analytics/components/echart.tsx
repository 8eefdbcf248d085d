import { BarChart, FunnelChart, LineChart, PieChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
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
import { init, use as registerCharts, type ComposeOption, type ECElementEvent, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboards use; this module is reached only from the lazily loaded dashboards page.
registerCharts([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | FunnelSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** A click on a bar, slice or point. */
  onClick?: (event: ECElementEvent) => void;
  ariaLabel: string;
  testId?: string;
}

/** An Apache ECharts chart that follows its container's size and is disposed with the component. */
export function EChart({ option, height = 300, onClick, ariaLabel, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    const instance = init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    instance.on('click', onClick);
    return () => {
      if (!instance.isDisposed()) instance.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} data-testid={testId} />;
}

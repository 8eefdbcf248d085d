import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerCharts, type ComposeOption, type ECElementEvent, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the charts use: this keeps the page's chunk small (the page itself is lazy-loaded).
registerCharts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** A click on a bar or a point: the series and the category (x value) clicked. */
  onClick?: (event: ECElementEvent) => void;
  ariaLabel?: string;
  testId?: string;
}

/** An Apache ECharts chart that follows its container's size and is disposed with the component. */
export function EChart({ option, height = 320, onClick, ariaLabel, testId }: EChartProps) {
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
    // A new option replaces the old one entirely (series may come and go with the data).
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    instance.on('click', onClick);
    return () => {
      // The chart may already be gone (the mount effect's cleanup runs first on unmount).
      if (!instance.isDisposed()) instance.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} data-testid={testId} />;
}

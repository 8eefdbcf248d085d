import { init, type ECElementEvent, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

export interface EChartCanvasProps<Option extends EChartsCoreOption> {
  option: Option;
  height: number;
  /** A click on a bar, slice or point. */
  onClick?: (event: ECElementEvent) => void;
  ariaLabel?: string;
  testId?: string;
}

/**
 * An Apache ECharts chart that follows its container's size and is disposed with the component.
 * The feature that draws it registers the chart types it uses (echarts/core `use`) in its own
 * lazily loaded module, so that no page carries chart code it does not draw.
 */
export function EChartCanvas<Option extends EChartsCoreOption>({ option, height, onClick, ariaLabel, testId }: EChartCanvasProps<Option>) {
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

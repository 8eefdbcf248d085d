import type { CompositionBucket } from '@crm/contracts';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent, type TooltipComponentOption, type VisualMapComponentOption } from 'echarts/components';
import { registerMap, use as registerCharts, type ComposeOption, type ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useCallback, useMemo } from 'react';
import { EChartCanvas } from '../../../shared/charts/echart-canvas';
// Province outlines (34 areas, in ECharts' compressed GeoJSON) from the echarts 4.9.0 npm package,
// map/json/china.json (Apache-2.0). Loaded with this module only, when the composition is shown.
import china from './china-provinces.json';
import { provinceOfArea } from './province-names';

registerCharts([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);
registerMap('china', china as unknown as Parameters<typeof registerMap>[1]);

type MapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/**
 * 客户分布地图: each province shaded by its customers (the buckets of the composition, full names
 * such as 广东省, 北京市), a click opens the province (its cities in the table beside it). The table
 * stays the accessible form of the same figures.
 */
export default function ProvinceMap({ buckets, label, onProvince, height = 360 }: { buckets: CompositionBucket[]; label: string; onProvince: (province: string) => void; height?: number }) {
  const option = useMemo<MapOption>(() => {
    const named = buckets.filter((b) => b.key !== '');
    const max = Math.max(1, ...named.map((b) => b.customers));
    return {
      tooltip: { trigger: 'item', formatter: (p: unknown) => { const v = p as { name: string; value?: number }; return `${v.name}: ${Number.isFinite(v.value) ? v.value : 0}`; } },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, itemHeight: 90, inRange: { color: ['#e6f4ff', '#1677ff', '#003eb3'] } },
      series: [
        {
          type: 'map', map: 'china', roam: false, selectedMode: false,
          // The outlines carry short names (广东, 内蒙古): each is shown and matched as the archive writes it.
          nameMap: Object.fromEntries(china.features.map((f) => [f.properties.name, provinceOfArea(f.properties.name)])),
          label: { show: false }, emphasis: { label: { show: true } },
          data: named.map((b) => ({ name: b.key, value: b.customers })),
        },
      ],
    };
  }, [buckets]);
  const onClick = useCallback((e: ECElementEvent) => {
    if (typeof e.name === 'string' && e.name) onProvince(e.name);
  }, [onProvince]);
  return <EChartCanvas<MapOption> option={option} height={height} onClick={onClick} ariaLabel={label} testId="composition-map" />;
}

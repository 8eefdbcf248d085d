import type { Forecast } from '@crm/contracts';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';
import { EChart, type ChartOption } from './echart';
import { figureColors, figureKeys, figureLabels, type FigureKey } from './forecast-model';

interface ForecastChartProps {
  forecast: Forecast;
  onDrill: (month: string, figure: FigureKey) => void;
}

/**
 * One group of bars per month (won, commit, best case, pipeline: each figure includes the ones
 * before it, so they stand side by side rather than stacked) and the weighted amount as a line.
 * The legend toggles a series; a click on a bar or point opens its deals.
 */
export function ForecastChart({ forecast, onDrill }: ForecastChartProps) {
  const { t, locale } = useI18n();
  const currency = forecast.baseCurrency;

  const option = useMemo<ChartOption>(() => {
    const byMonth = new Map(forecast.totals.map((row) => [row.month, row]));
    const names = new Map(figureKeys.map((key) => [key, t(figureLabels[key])]));
    return {
      color: figureKeys.map((key) => figureColors[key]),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? formatMoney(value, currency, locale) : String(value)),
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: forecast.months },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoney(value, currency, locale, 'short') } },
      series: figureKeys.map((key) => {
        const data = forecast.months.map((month) => byMonth.get(month)?.[key] ?? 0);
        return key === 'weighted'
          ? { id: key, name: names.get(key), type: 'line' as const, data, symbolSize: 8 }
          : { id: key, name: names.get(key), type: 'bar' as const, data, barMaxWidth: 28 };
      }),
    };
  }, [forecast, t, locale, currency]);

  const onClick = useCallback(
    (event: ECElementEvent) => {
      const figure = figureKeys.find((key) => key === event.seriesId);
      const month = forecast.months[event.dataIndex];
      if (figure && month) onDrill(month, figure);
    },
    [forecast.months, onDrill],
  );

  return <EChart option={option} onClick={onClick} height={340} ariaLabel={t('forecast.chartLabel')} testId="forecast-chart" />;
}

import { Col, Skeleton, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { dashboardExportHref, useRevenueByMonth, type DashboardFilters } from '../dashboard-api';
import { DashboardCard } from './dashboard-card';
import { useDashboardText } from './dashboard-text';
import type { Drill } from './drill-drawer';
import { EChart, type ChartOption } from './echart';

/** 每月收入: revenue of the customers in scope per month of the range (bars) and how many bought (line); a month opens its buyers. */
export function RevenueCard({ filters, onDrill }: { filters: DashboardFilters; onDrill: (drill: Drill) => void }) {
  const { locale } = useI18n();
  const d = useDashboardText();
  const revenue = useRevenueByMonth(filters);
  const data = revenue.data;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (data?.months ?? []).map((m) => m.month) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, 'CNY', locale, 'short') } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar', name: d('revenue'), barMaxWidth: 28, itemStyle: { color: '#1677ff' }, data: (data?.months ?? []).map((m) => m.revenue),
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? formatMoney(v, 'CNY', locale) : String(v)) },
      },
      { type: 'line', name: d('customers'), yAxisIndex: 1, symbolSize: 6, itemStyle: { color: '#d48806' }, data: (data?.months ?? []).map((m) => m.customers) },
    ],
  }), [data, d, locale]);
  const onClick = useCallback((e: ECElementEvent) => {
    const month = data?.months[e.dataIndex];
    if (month) onDrill({ kind: 'revenue', label: `${d('revenueTitle')} ${month.month}`, query: { ...filters, month: month.month } });
  }, [data, d, filters, onDrill]);

  let body;
  if (revenue.isPending) body = <Skeleton active />;
  else if (revenue.isError) body = <QueryErrorResult error={revenue.error} onRetry={() => void revenue.refetch()} />;
  else {
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="revenue-total">
          {d('revenueTotal', { value: formatMoney(data?.revenue ?? 0, 'CNY', locale), count: formatNumber(data?.customers ?? 0, locale) })}
        </Typography.Paragraph>
        <EChart option={option} onClick={onClick} height={260} ariaLabel={`${d('revenueTitle')} (${d('chartClickHint')})`} testId="revenue-chart" />
      </>
    );
  }
  return (
    <Col xs={24}>
      <DashboardCard title={d('revenueTitle')} testId="dashboard-revenue" exportHref={dashboardExportHref('revenue', { ...filters })}>
        {body}
      </DashboardCard>
    </Col>
  );
}

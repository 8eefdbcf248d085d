import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DashboardQuadrants, Quadrant } from '@crm/contracts';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { Skeleton } from 'antd';
import { dashboardExportHref, useQuadrants, type DashboardFilters } from '../dashboard-api';
import { DashboardCard } from './dashboard-card';
import { useDashboardText } from './dashboard-text';
import type { Drill } from './drill-drawer';
import { EChart, type ChartOption } from './echart';

/** Where each quadrant sits on the 2 × 2: [current value (0 low, 1 high), potential (0 low, 1 high)]. */
const cells: Record<Quadrant, [number, number]> = { platinum: [1, 1], gold: [1, 0], iron: [0, 1], lead: [0, 0] };
const colors: Record<Quadrant, string> = { platinum: '#722ed1', gold: '#d48806', iron: '#1677ff', lead: '#8c8c8c' };
const order: Quadrant[] = ['platinum', 'gold', 'iron', 'lead'];

/** 金字塔理论: the customers of each quadrant (current value × growth potential) as a 2 × 2 of bubbles sized by count; a click lists them. */
export function QuadrantCard({ filters, onDrill }: { filters: DashboardFilters; onDrill: (drill: Drill) => void }) {
  const { t, locale } = useI18n();
  const d = useDashboardText();
  const q = useQuadrants(filters);
  const rows = useMemo(() => q.data?.rows ?? [], [q.data]);
  const most = Math.max(1, ...rows.map((r) => r.customers));
  const option = useMemo<ChartOption>(() => ({
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const r = rows[(Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1];
        return r ? `${t(`analytics.quadrant.${r.quadrant}`)}: ${formatNumber(r.customers, locale)}<br/>${d('currentValue')}: ${formatMoney(r.currentValue, 'CNY', locale)}<br/>${d('potentialValue')}: ${formatMoney(r.potentialValue, 'CNY', locale)}` : '';
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [d('lowValue'), d('highValue')], splitLine: { show: true } },
    yAxis: { type: 'category', data: [d('lowPotential'), d('highPotential')], splitLine: { show: true } },
    series: [{
      type: 'scatter',
      data: rows.map((r) => ({
        value: cells[r.quadrant],
        symbolSize: 36 + Math.round((r.customers / most) * 44),
        itemStyle: { color: colors[r.quadrant] },
        label: { show: true, formatter: `${t(`analytics.quadrant.${r.quadrant}`)}\n${formatNumber(r.customers, locale)}`, color: '#fff', fontSize: 11 },
      })),
    }],
  }), [rows, most, t, d, locale]);
  const onClick = useCallback((e: ECElementEvent) => {
    const r = rows[e.dataIndex];
    if (r) onDrill({ kind: 'class', label: t(`analytics.quadrant.${r.quadrant}`), query: { quadrant: r.quadrant, departmentId: filters.departmentId } });
  }, [rows, filters.departmentId, onDrill, t]);
  const columns: ColumnsType<DashboardQuadrants['rows'][number]> = [
    {
      title: t('analytics.quadrantColumn'), dataIndex: 'quadrant', key: 'quadrant',
      render: (v: Quadrant) => (
        <Typography.Link
          onClick={() => onDrill({ kind: 'class', label: t(`analytics.quadrant.${v}`), query: { quadrant: v, departmentId: filters.departmentId } })}
          data-testid={`quadrant-${v}`}
        >
          {t(`analytics.quadrant.${v}`)}
        </Typography.Link>
      ),
    },
    { title: t('analytics.filterQuadrant'), dataIndex: 'quadrant', key: 'action', render: (v: Quadrant) => t(`analytics.quadrantAction.${v}`) },
    { title: d('customers'), dataIndex: 'customers', key: 'n', align: 'right', render: (n: number) => formatNumber(n, locale) },
    { title: d('currentValue'), dataIndex: 'currentValue', key: 'cv', align: 'right', render: (v: number) => formatMoney(v, 'CNY', locale) },
    { title: d('potentialValue'), dataIndex: 'potentialValue', key: 'pv', align: 'right', render: (v: number) => formatMoney(v, 'CNY', locale) },
  ];
  let body;
  if (q.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (q.isError) body = <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  else body = (
    <>
      {q.data ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="quadrant-hint">
          {d('quadrantHint', { valueCut: formatMoney(q.data.valueCut, 'CNY', locale), top: q.data.valueTopPercent, potentialCut: formatMoney(q.data.potentialCut, 'CNY', locale), percentile: q.data.potentialPercentile })}
        </Typography.Paragraph>
      ) : null}
      <EChart option={option} onClick={onClick} height={260} ariaLabel={`${d('quadrants')} (${d('chartClickHint')})`} testId="quadrant-chart" />
      <Table rowKey="quadrant" size="small" columns={columns} dataSource={[...rows].sort((a, b) => order.indexOf(a.quadrant) - order.indexOf(b.quadrant))} pagination={false} scroll={{ x: 'max-content' }} />
    </>
  );
  return (
    <DashboardCard title={d('quadrants')} testId="dashboard-quadrants" exportHref={dashboardExportHref('quadrants', { departmentId: filters.departmentId })}>
      {body}
    </DashboardCard>
  );
}

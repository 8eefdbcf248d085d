import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Progress, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { valueClasses, type AbcClass, type AnalyticsRun, type ChurnRiskRow, type DashboardPyramid, type DashboardRfm, type ValueClass } from '@crm/contracts';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useAnalyticsRun, useStartAnalyticsRun } from '../api';
import { dashboardExportHref, useAbcPareto, useChurnList, useRfmSegments, useValuePyramid, type DashboardFilters } from '../dashboard-api';
import { DashboardCard } from './dashboard-card';
import { useDashboardText } from './dashboard-text';
import type { Drill } from './drill-drawer';
import { EChart, type ChartOption } from './echart';

interface CardProps {
  filters: DashboardFilters;
  onDrill: (drill: Drill) => void;
}

const abcColors: Record<AbcClass, string> = { A: '#d48806', B: '#1677ff', C: '#8c8c8c' };
const pyramidColors: Record<ValueClass, string> = { key: '#ad6800', major: '#d48806', maintenance: '#1677ff', opportunity: '#8c8c8c' };

/** No computation yet: what the class charts need, and (for analytics.manage) the button that starts it, with its progress. */
export function NoRunYet() {
  const d = useDashboardText();
  const { can } = usePermissions();
  const start = useStartAnalyticsRun();
  const [runId, setRunId] = useState<number | null>(null);
  const run = useAnalyticsRun(runId);
  const running = start.isPending || run.data?.status === 'running';
  return (
    <Col xs={24}>
      <Alert
        type="info"
        showIcon
        data-testid="dashboard-no-run"
        message={d('noRunTitle')}
        description={
          <>
            <p style={{ margin: '0 0 8px' }}>{d('noRunText')}</p>
            {can('analytics.manage') ? (
              <Button type="primary" icon={<ReloadOutlined />} loading={running} onClick={() => start.mutate(undefined, { onSuccess: (r: AnalyticsRun) => setRunId(r.id) })} data-testid="dashboard-run">
                {running ? d('computing') : d('computeNow')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{d('noRunNoRight')}</Typography.Text>
            )}
            {run.data?.status === 'running' ? <Progress percent={run.data.progress} status="active" aria-label={d('computing')} /> : null}
          </>
        }
      />
    </Col>
  );
}

function state<T>(q: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown }, rows = 6) {
  if (q.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (q.isError) return <QueryErrorResult error={q.error as Error} onRetry={() => void q.refetch()} />;
  return null;
}

/** ABC Pareto: a bar per customer (the basis, high to low) and the cumulative share as a line, with the A and B cut-offs marked. */
export function AbcParetoCard({ filters, onDrill }: CardProps) {
  const { t, locale } = useI18n();
  const d = useDashboardText();
  const abc = useAbcPareto(filters);
  const data = abc.data;
  const option = useMemo<ChartOption>(() => {
    const points = data?.points ?? [];
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const p = points[list[0]?.dataIndex ?? -1];
          return p ? `${p.rank}. ${p.customerName}<br/>${formatMoney(p.value, 'CNY', locale)} · ${p.abcClass}<br/>${d('cumulative')}: ${(p.cumulativeBp / 100).toFixed(2)} %` : '';
        },
      },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => String(p.rank)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, 'CNY', locale, 'short') } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: d(data?.basis === 'gross_profit' ? 'grossProfit' : 'revenue'), data: points.map((p) => ({ value: p.value, itemStyle: { color: abcColors[p.abcClass] } })), barMaxWidth: 24 },
        {
          type: 'line', name: d('cumulative'), yAxisIndex: 1, symbolSize: 4, data: points.map((p) => p.cumulativeBp / 100),
          markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' }, label: { position: 'insideStartTop', formatter: '{c} %' }, data: [{ yAxis: data?.aPercent ?? 80 }, { yAxis: data?.bPercent ?? 90 }] },
        },
      ],
    };
  }, [data, d, locale]);
  const onClick = useCallback((e: ECElementEvent) => {
    const p = data?.points[e.dataIndex];
    if (p) onDrill({ kind: 'class', label: t('analytics.abcClass', { class: p.abcClass }), query: { abcClass: p.abcClass, departmentId: filters.departmentId } });
  }, [data, filters.departmentId, onDrill, t]);

  let body = state(abc, 8);
  if (!body && data) {
    body = data.customers === 0 ? <Empty description={d('noData')} /> : (
      <>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="abc-hint">
          {d('abcHint', { a: formatNumber(data.reachA, locale), aPercent: data.aPercent, b: formatNumber(data.reachB, locale), bPercent: data.bPercent, basis: d(`basis_${data.basis}`) })}
        </Typography.Paragraph>
        <EChart option={option} onClick={onClick} height={300} ariaLabel={`${d('abc')} (${d('chartClickHint')})`} testId="abc-chart" />
        {data.rest.customers > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d('rest', { count: data.points.length, rest: formatNumber(data.rest.customers, locale), value: formatMoney(data.rest.value, 'CNY', locale) })}
          </Typography.Text>
        ) : null}
      </>
    );
  }
  return (
    <DashboardCard title={d('abc')} testId="dashboard-abc" exportHref={dashboardExportHref('abc', { departmentId: filters.departmentId })}>
      {body}
    </DashboardCard>
  );
}

/** 价值金字塔: key customers at the top, opportunity customers at the base; counts, revenue and gross profit. */
export function ValuePyramidCard({ filters, onDrill }: CardProps) {
  const { t, locale } = useI18n();
  const d = useDashboardText();
  const pyramid = useValuePyramid(filters);
  const rows = useMemo(() => pyramid.data?.rows ?? [], [pyramid.data]);
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}' },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, min: 0, max: 100, minSize: '0%', maxSize: '100%', gap: 2,
      label: { position: 'inside', formatter: '{b}' },
      // The levels' widths are fixed (a pyramid: key customers at the narrow top); each shows its count.
      data: valueClasses.map((v, i) => ({ name: `${t(`analytics.value.${v}`)}: ${formatNumber(rows.find((r) => r.valueClass === v)?.customers ?? 0, locale)}`, value: (i + 1) * 25, itemStyle: { color: pyramidColors[v] } })),
    }],
  }), [rows, t, locale]);
  const onClick = useCallback((e: ECElementEvent) => {
    const v = valueClasses[e.dataIndex];
    if (v) onDrill({ kind: 'class', label: t(`analytics.value.${v}`), query: { valueClass: v, departmentId: filters.departmentId } });
  }, [filters.departmentId, onDrill, t]);
  const columns: ColumnsType<DashboardPyramid['rows'][number]> = [
    { title: t('analytics.valueClass'), dataIndex: 'valueClass', key: 'class', render: (v: ValueClass) => t(`analytics.value.${v}`) },
    { title: d('customers'), dataIndex: 'customers', key: 'n', align: 'right', render: (n: number) => formatNumber(n, locale) },
    { title: d('revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: (v: number) => formatMoney(v, 'CNY', locale) },
    { title: d('grossProfit'), dataIndex: 'grossProfit', key: 'profit', align: 'right', render: (v: number) => formatMoney(v, 'CNY', locale) },
  ];
  return (
    <DashboardCard title={d('pyramid')} testId="dashboard-pyramid" exportHref={dashboardExportHref('value-pyramid', { departmentId: filters.departmentId })}>
      {state(pyramid) ?? (
        <>
          <EChart option={option} onClick={onClick} height={220} ariaLabel={`${d('pyramid')} (${d('chartClickHint')})`} testId="pyramid-chart" />
          <Table rowKey="valueClass" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
        </>
      )}
    </DashboardCard>
  );
}

/** RFM segments: customers per segment (bars), the window's spend in the tooltip. */
export function RfmCard({ filters, onDrill }: CardProps) {
  const { t, locale } = useI18n();
  const d = useDashboardText();
  const rfm = useRfmSegments(filters);
  const rows = useMemo<DashboardRfm['rows']>(() => [...(rfm.data?.rows ?? [])].reverse(), [rfm.data]);
  const option = useMemo<ChartOption>(() => ({
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const r = rows[list[0]?.dataIndex ?? -1];
        return r ? `${t(`analytics.segment.${r.segment}`)}: ${formatNumber(r.customers, locale)}<br/>${d('revenue')}: ${formatMoney(r.revenue, 'CNY', locale)}<br/>${d('monetary')}: ${formatMoney(r.monetary, 'CNY', locale)}` : '';
      },
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => t(`analytics.segment.${r.segment}`)) },
    series: [{ type: 'bar', name: d('customers'), data: rows.map((r) => r.customers), barMaxWidth: 18, itemStyle: { color: '#1677ff' } }],
  }), [rows, t, d, locale]);
  const onClick = useCallback((e: ECElementEvent) => {
    const r = rows[e.dataIndex];
    if (r) onDrill({ kind: 'class', label: t(`analytics.segment.${r.segment}`), query: { rfmSegment: r.segment, departmentId: filters.departmentId } });
  }, [rows, filters.departmentId, onDrill, t]);
  return (
    <DashboardCard title={d('rfm')} testId="dashboard-rfm" exportHref={dashboardExportHref('rfm', { departmentId: filters.departmentId })}>
      {state(rfm) ?? <EChart option={option} onClick={onClick} height={300} ariaLabel={`${d('rfm')} (${d('chartClickHint')})`} testId="rfm-chart" />}
    </DashboardCard>
  );
}

/** 流失风险: the customers whose silence is well beyond their usual interval (or whose spend fell), with their owners. */
export function ChurnCard({ filters }: CardProps) {
  const { locale } = useI18n();
  const d = useDashboardText();
  const [page, setPage] = useState(1);
  const churn = useChurnList(filters, page);
  const columns: ColumnsType<ChurnRiskRow> = [
    { title: d('customer'), dataIndex: 'customerName', key: 'name', render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link> },
    { title: d('owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: d('interval'), dataIndex: 'averageIntervalDays', key: 'interval', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v, locale)) },
    { title: d('silence'), dataIndex: 'daysSinceLastPurchase', key: 'silence', align: 'right', render: (v: number) => formatNumber(v, locale) },
    { title: d('lastOn'), dataIndex: 'lastOn', key: 'lastOn' },
    { title: d('revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: (v: number) => formatMoney(v, 'CNY', locale) },
  ];
  return (
    <DashboardCard title={d('churn')} testId="dashboard-churn" exportHref={dashboardExportHref('churn', { departmentId: filters.departmentId })}>
      {state(churn) ?? (churn.data?.total === 0 ? (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="churn-empty">{d('churnEmpty')}</Typography.Paragraph>
      ) : (
        <Table
          rowKey="customerId"
          size="small"
          columns={columns}
          dataSource={churn.data?.items ?? []}
          loading={churn.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 10, total: churn.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage, size: 'small' }}
          data-testid="churn-table"
        />
      ))}
    </DashboardCard>
  );
}

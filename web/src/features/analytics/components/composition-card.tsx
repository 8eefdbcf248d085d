import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CompositionBucket, CompositionDimension } from '@crm/contracts';
import type { ECElementEvent } from 'echarts/core';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { formatNumber } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useCustomerLists } from '../../customers';
import { dashboardExportHref, useComposition, type DashboardFilters } from '../dashboard-api';
import { DashboardCard } from './dashboard-card';
import { useDashboardText } from './dashboard-text';
import type { Drill } from './drill-drawer';
import { EChart, type ChartOption } from './echart';

// The map of China (its outlines and ECharts' map chart) loads only when the composition is shown.
const ProvinceMap = lazy(() => import('../map/province-map'));

type Labeller = (dimension: CompositionDimension, key: string) => string;

/** The slice labels: the archive's option names, the industries list, the region text; "(not set)" for empty. */
function useSliceLabel(): Labeller {
  const { t } = useI18n();
  const d = useDashboardText();
  const { industryLabel } = useCustomerLists();
  return useCallback(
    (dimension, key) => {
      if (key === '') return d('notSet');
      switch (dimension) {
        case 'kind':
          return t(`kind.${key}` as MessageKey);
        case 'category':
          return t(`category.${key}` as MessageKey);
        case 'status':
          return t(`status.${key}` as MessageKey);
        case 'lifecycleStage':
          return t(`lifecycle.${key}` as MessageKey);
        case 'industry':
          return industryLabel(key) || key;
        default:
          return key;
      }
    },
    [t, d, industryLabel],
  );
}

function PieBlock({ title, dimension, buckets, label, onDrill }: { title: string; dimension: CompositionDimension; buckets: CompositionBucket[]; label: Labeller; onDrill: (dimension: CompositionDimension, key: string) => void }) {
  const d = useDashboardText();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '42%'], label: { show: false }, data: buckets.map((b) => ({ name: label(dimension, b.key), value: b.customers })) }],
    }),
    [buckets, label, dimension],
  );
  const onClick = useCallback((e: ECElementEvent) => {
    const bucket = buckets[e.dataIndex];
    if (bucket) onDrill(dimension, bucket.key);
  }, [buckets, dimension, onDrill]);
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>{title}</Typography.Title>
      {buckets.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('noData')} /> : <EChart option={option} onClick={onClick} height={220} ariaLabel={`${title} (${d('chartClickHint')})`} testId={`composition-${dimension}`} />}
    </div>
  );
}

/** 客户构成: type, role, status and lifecycle pies; industries as bars; provinces (and a province's cities) as a table; new customers per month. */
export function CompositionCard({ filters, onDrill }: { filters: DashboardFilters; onDrill: (drill: Drill) => void }) {
  const { locale } = useI18n();
  const d = useDashboardText();
  const [province, setProvince] = useState<string | undefined>();
  const composition = useComposition(filters, province);
  const label = useSliceLabel();
  const data = composition.data;

  const drill = useCallback(
    (dimension: CompositionDimension | 'month', key: string, extra: Record<string, string> = {}) =>
      onDrill({ kind: 'composition', label: dimension === 'month' ? key : label(dimension, key), query: { ...filters, dimension, key, ...extra } }),
    [filters, label, onDrill],
  );

  const industryOption = useMemo<ChartOption>(() => {
    const rows = [...(data?.byIndustry ?? [])].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((b) => label('industry', b.key)), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((b) => b.customers), barMaxWidth: 18, name: d('customers') }],
    };
  }, [data, label, d]);
  const onIndustry = useCallback((e: ECElementEvent) => {
    const rows = [...(data?.byIndustry ?? [])].reverse();
    const bucket = rows[e.dataIndex];
    if (bucket) drill('industry', bucket.key);
  }, [data, drill]);

  const monthOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (data?.newByMonth ?? []).map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: d('customers'), data: (data?.newByMonth ?? []).map((m) => m.customers), barMaxWidth: 28 }],
  }), [data, d]);
  const onMonth = useCallback((e: ECElementEvent) => {
    const month = data?.newByMonth[e.dataIndex];
    if (month) drill('month', month.month);
  }, [data, drill]);

  const total = data?.customers ?? 0;
  const share = (n: number) => (total > 0 ? `${((n * 100) / total).toFixed(1)} %` : '');
  const regionColumns: ColumnsType<CompositionBucket> = [
    { title: province ? d('city') : d('province'), dataIndex: 'key', key: 'key', render: (key: string) => (key === '' ? d('notSet') : key) },
    {
      title: d('customers'), dataIndex: 'customers', key: 'customers', align: 'right',
      render: (n: number, b) => (
        <Button type="link" size="small" onClick={() => (province ? drill('city', b.key, { province }) : drill('province', b.key))} data-testid="region-count">
          {formatNumber(n, locale)}
        </Button>
      ),
    },
    { title: d('share'), key: 'share', align: 'right', render: (_, b) => share(b.customers) },
    ...(province
      ? []
      : [{ title: d('openCities'), key: 'cities', render: (_: unknown, b: CompositionBucket) => (b.key === '' ? null : <Button size="small" onClick={() => setProvince(b.key)} data-testid="region-open">{d('openCities')}</Button>) }]),
  ];

  let body;
  if (composition.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (composition.isError) body = <QueryErrorResult error={composition.error} onRetry={() => void composition.refetch()} />;
  else if (!data || data.customers === 0) body = <Empty description={d('noData')} />;
  else {
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24}><Typography.Text type="secondary">{d('customersTotal', { count: formatNumber(total, locale) })}</Typography.Text></Col>
        <Col xs={24} sm={12} xl={6}><PieBlock title={d('byKind')} dimension="kind" buckets={data.byKind} label={label} onDrill={drill} /></Col>
        <Col xs={24} sm={12} xl={6}><PieBlock title={d('byCategory')} dimension="category" buckets={data.byCategory} label={label} onDrill={drill} /></Col>
        <Col xs={24} sm={12} xl={6}><PieBlock title={d('byStatus')} dimension="status" buckets={data.byStatus} label={label} onDrill={drill} /></Col>
        <Col xs={24} sm={12} xl={6}><PieBlock title={d('byLifecycle')} dimension="lifecycleStage" buckets={data.byLifecycleStage} label={label} onDrill={drill} /></Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>{d('byIndustry')}</Typography.Title>
          <EChart option={industryOption} onClick={onIndustry} height={Math.max(160, data.byIndustry.length * 28)} ariaLabel={`${d('byIndustry')} (${d('chartClickHint')})`} testId="composition-industry" />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
            {province ? d('byCity', { province }) : d('byRegion')}
          </Typography.Title>
          {province ? (
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => setProvince(undefined)} style={{ marginBottom: 8 }} data-testid="region-back">
              {d('backToProvinces')}
            </Button>
          ) : (
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 320 }} />}>
              <ProvinceMap buckets={data.byProvince} label={`${d('byRegion')} (${d('mapClickHint')})`} onProvince={setProvince} height={320} />
            </Suspense>
          )}
          <Table
            rowKey="key"
            size="small"
            columns={regionColumns}
            dataSource={province ? data.byCity : data.byProvince}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
            scroll={{ x: 'max-content' }}
            data-testid="composition-region"
          />
        </Col>
      </Row>
    );
  }

  return (
    <>
      <Col xs={24}>
        <DashboardCard title={d('composition')} testId="dashboard-composition" exportHref={dashboardExportHref('composition', { ...filters, province })}>
          {body}
        </DashboardCard>
      </Col>
      <Col xs={24}>
        <DashboardCard title={d('newCustomers')} testId="dashboard-new-customers" exportHref={dashboardExportHref('new-customers', { ...filters })}>
          {composition.isPending ? <Skeleton active /> : <EChart option={monthOption} onClick={onMonth} height={240} ariaLabel={`${d('newCustomers')} (${d('chartClickHint')})`} testId="new-customers-chart" />}
        </DashboardCard>
      </Col>
    </>
  );
}

import { AimOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Progress, Segmented, Skeleton, Statistic, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { moneyMetrics, targetMetrics, type TargetMetric, type TargetPeriodKind } from '@crm/contracts';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { attainmentExportHref, useAttainment, useTargetYear } from '../api';
import { attainmentDrillDown, drillPermission } from '../components/drill-down';
import { TargetDrawer } from '../components/target-drawer';
import { attainmentPercent, attainmentTree, periodOf, periodStart, type AttainmentNode } from '../components/target-model';

const pickers: Record<TargetPeriodKind, 'month' | 'quarter' | 'year'> = { month: 'month', quarter: 'quarter', year: 'year' };

/** The page's view from its address: ?period=2026-Q4&metric=new_customers (this month by default). */
function useTargetView() {
  const [params, setParams] = useSearchParams();
  const now = dayjs();
  const raw = params.get('period') ?? '';
  const period = /^(20\d{2}|2100)(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(raw) ? raw : periodOf('month', { year: now.year(), month: now.month() + 1 });
  const metricParam = params.get('metric');
  const metric: TargetMetric = targetMetrics.find((m) => m === metricParam) ?? targetMetrics[0];
  const update = (patch: { period?: string; metric?: TargetMetric }) =>
    setParams({ period: patch.period ?? period, metric: patch.metric ?? metric }, { replace: true });
  return { period, metric, update };
}

/** 销售目标: targets against what was achieved, per department and person, and where they are set. */
export function TargetsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('target.title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const { period, metric, update } = useTargetView();
  const start = periodStart(period);
  const attainment = useAttainment(period, metric);
  const year = useTargetYear(start.year, metric, can('targets.edit'));
  const [editing, setEditing] = useState<string | null>(null);
  const money = moneyMetrics.has(metric);
  const show = (value: number | null) => (value === null ? t('common.none') : money ? formatMoney(value, 'CNY', locale) : formatNumber(value, locale));
  const editable = (year.data?.subjects ?? []).filter((s) => s.editable);
  const tree = useMemo(() => attainmentTree(attainment.data?.rows ?? []), [attainment.data]);

  const columns: ColumnsType<AttainmentNode> = [
    { title: t('target.name'), dataIndex: 'name', key: 'name', render: (name: string, r) => (r.subjectType === 'department' ? <strong>{name}</strong> : name) },
    {
      title: t('target.target'),
      key: 'target',
      align: 'right',
      render: (_, r) => (
        <Tooltip title={r.targetFrom === 'months' ? t('target.fromMonths') : r.membersTarget !== null ? t('target.membersTarget', { value: show(r.membersTarget) }) : undefined}>
          <span>{show(r.target)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('target.actual'),
      key: 'actual',
      align: 'right',
      // The figure opens the list behind it; the title says when that list shows more than the figure counts.
      render: (_, r) => {
        const drill = can(drillPermission[metric]) ? attainmentDrillDown(metric, r, period) : null;
        if (!drill) return show(r.actual);
        return (
          <Link to={drill.href} title={t(`target.drill.${drill.scope}`, { name: r.name, from: drill.from, to: drill.to })} data-testid={`target-actual-${r.subjectType}-${r.subjectId}`}>
            {show(r.actual)}
          </Link>
        );
      },
    },
    {
      title: t('target.attainment'),
      key: 'attainment',
      width: isMobile ? 120 : 220,
      render: (_, r) => {
        const p = attainmentPercent(r.attainmentBp);
        return p ? <Progress aria-label={`${t('target.attainment')} ${r.name}`} percent={p.bar} format={() => p.shown} size="small" status={r.attainmentBp !== null && r.attainmentBp >= 10000 ? 'success' : 'normal'} /> : <span>{t('target.noTarget')}</span>;
      },
    },
    ...(editable.length > 0
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, r: AttainmentNode) =>
            editable.some((s) => s.type === r.subjectType && s.id === r.subjectId) ? (
              <Button size="small" onClick={() => setEditing(`${r.subjectType}:${r.subjectId}`)} aria-label={`${t('target.set')} ${r.name}`}>
                {t('target.set')}
              </Button>
            ) : null,
        }]
      : []),
  ];

  const filters = (
    <Flex gap={8} wrap align="center" vertical={isMobile} style={{ marginBottom: 16 }}>
      {targetMetrics.length > 1 ? (
        <Segmented<TargetMetric> value={metric} onChange={(m) => update({ metric: m })} options={targetMetrics.map((m) => ({ value: m, label: t(`target.metric.${m}`) }))} data-testid="target-metric" />
      ) : null}
      <Segmented<TargetPeriodKind>
        value={start.kind}
        onChange={(kind) => update({ period: periodOf(kind, start) })}
        options={[
          { value: 'month', label: t('target.kind.month') },
          { value: 'quarter', label: t('target.kind.quarter') },
          { value: 'year', label: t('target.kind.year') },
        ]}
        data-testid="target-kind"
      />
      <DatePicker
        picker={pickers[start.kind]}
        allowClear={false}
        value={dayjs(`${start.year}-${String(start.month).padStart(2, '0')}-01`)}
        onChange={(d) => d && update({ period: periodOf(start.kind, { year: d.year(), month: d.month() + 1 }) })}
        aria-label={t('target.period')}
        style={{ width: isMobile ? '100%' : 180 }}
        data-testid="target-period"
      />
      {/* A plain link (keyboard reachable like any link): the browser downloads the report of this period and metric. */}
      <Button
        icon={<DownloadOutlined />}
        href={attainmentExportHref(period, metric)}
        download
        aria-label={t('target.exportLabel', { period, metric: t(`target.metric.${metric}`) })}
        data-testid="target-export"
      >
        {t('target.export')}
      </Button>
    </Flex>
  );

  let body;
  if (attainment.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (attainment.isError) body = <QueryErrorResult error={attainment.error} onRetry={() => void attainment.refetch()} />;
  else if (attainment.data.rows.length === 0) body = <Empty description={t('target.empty')} data-testid="targets-empty" />;
  else {
    const total = attainment.data.total;
    const overall = attainmentPercent(total.target === null || total.target <= 0 ? null : Math.round((total.actual * 10000) / total.target));
    body = (
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          <Card size="small" style={{ flex: '1 1 150px' }}>
            <Statistic title={t('target.totalTarget')} value={show(total.target)} styles={{ content: { fontSize: 18 } }} />
          </Card>
          <Card size="small" style={{ flex: '1 1 150px' }}>
            <Statistic title={t('target.totalActual')} value={show(total.actual)} styles={{ content: { fontSize: 18 } }} />
          </Card>
          <Card size="small" style={{ flex: '1 1 150px' }}>
            <Statistic title={t('target.attainment')} value={overall ? overall.shown : t('target.noTarget')} styles={{ content: { fontSize: 18 } }} />
          </Card>
        </Flex>
        <Table<AttainmentNode>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={attainment.isFetching}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 'max-content' }}
          data-testid="targets-table"
        />
      </Flex>
    );
  }

  return (
    <>
      <PageHeader
        title={t('target.title')}
        subTitle={t(`target.about.${metric}`)}
        extra={
          editable.length > 0 ? (
            <Button type="primary" icon={<AimOutlined />} onClick={() => setEditing(`${editable[0]?.type}:${editable[0]?.id}`)} data-testid="target-set">
              {t('target.set')}
            </Button>
          ) : null
        }
      />
      {filters}
      {body}
      <TargetDrawer
        open={editing !== null}
        year={start.year}
        metric={metric}
        subjects={editable}
        items={year.data?.items ?? []}
        initialSubject={editing ?? undefined}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

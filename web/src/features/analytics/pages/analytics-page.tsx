import { PieChartOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Progress, Segmented, Select, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { abcClasses, quadrants, valueClasses, type AbcClass, type CustomerAnalyticsRow, type Quadrant } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useAnalyticsRun, useAnalyticsSummary, useCustomerAnalytics, useStartAnalyticsRun } from '../api';

const abcColors: Record<AbcClass, string> = { A: 'gold', B: 'blue', C: 'default' };

/** 客户分析: the ABC table of the customers in one's scope, the class counts, and a recomputation on demand. */
export function AnalyticsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('analytics.title'));
  const { can } = usePermissions();
  const navigate = useNavigate();
  const [abc, setAbc] = useState<AbcClass | 'all'>('all');
  const [quadrant, setQuadrant] = useState<Quadrant | undefined>(undefined);
  const [suggestedOnly, setSuggestedOnly] = useState(false);
  const [wonBackOnly, setWonBackOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [runId, setRunId] = useState<number | null>(null);
  const summary = useAnalyticsSummary();
  const list = useCustomerAnalytics({ page, pageSize: 20, abcClass: abc === 'all' ? undefined : abc, quadrant, suggested: suggestedOnly ? 'true' : undefined, wonBack: wonBackOnly ? 'true' : undefined });
  const start = useStartAnalyticsRun();
  const run = useAnalyticsRun(runId);
  const money = (v: number) => formatMoney(v, 'CNY', locale);

  if (summary.error) return <QueryErrorResult error={summary.error} />;
  const columns: ColumnsType<CustomerAnalyticsRow> = [
    { title: t('analytics.rank'), dataIndex: 'abcRank', key: 'rank', align: 'right', width: 72 },
    { title: t('analytics.customer'), dataIndex: 'customerName', key: 'name', render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link> },
    { title: t('analytics.revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: money },
    { title: t('analytics.grossProfit'), dataIndex: 'grossProfit', key: 'profit', align: 'right', render: money },
    { title: t('analytics.cumulative'), dataIndex: 'abcCumulativeBp', key: 'cum', align: 'right', render: (bp: number) => `${(bp / 100).toFixed(2)} %` },
    { title: 'ABC', dataIndex: 'abcClass', key: 'abc', render: (c: AbcClass) => <Tag color={abcColors[c]}>{c}</Tag> },
    { title: t('analytics.valueClass'), dataIndex: 'valueClass', key: 'value', render: (v: CustomerAnalyticsRow['valueClass']) => t(`analytics.value.${v}`) },
    { title: 'RFM', key: 'rfm', render: (_, r) => `${r.rScore}${r.fScore}${r.mScore} · ${t(`analytics.segment.${r.rfmSegment}`)}` },
    { title: t('analytics.status'), dataIndex: 'status', key: 'status', render: (v: CustomerAnalyticsRow['status']) => t(`analytics.status.${v}`) },
    { title: t('analytics.stage'), dataIndex: 'lifecycleStage', key: 'stage', render: (v: CustomerAnalyticsRow['lifecycleStage']) => t(`analytics.stage.${v}`) },
    { title: t('analytics.currentValue'), dataIndex: 'currentValue', key: 'current', align: 'right', render: money },
    { title: t('analytics.potentialValue'), dataIndex: 'potentialValue', key: 'potential', align: 'right', render: money },
    { title: t('analytics.quadrantColumn'), dataIndex: 'quadrant', key: 'quadrant', render: (v: Quadrant) => t(`analytics.quadrant.${v}`) },
    { title: t('analytics.churnRisk'), dataIndex: 'churnRisk', key: 'churn', render: (v: boolean) => (v ? <Tag color="red">{t('analytics.atRisk')}</Tag> : null) },
    { title: t('analytics.wonBackOn'), dataIndex: 'wonBackOn', key: 'wonBack', render: (v: string | null | undefined) => v ?? null },
    { title: t('analytics.suggestedColumn'), dataIndex: 'suggested', key: 'suggested', render: (v: boolean | undefined) => (v ? <Tag color="orange">{t('analytics.suggestedTag')}</Tag> : null) },
  ];
  const s = summary.data;
  const running = run.data?.status === 'running' || start.isPending;
  return (
    <>
      <PageHeader
        title={t('analytics.title')}
        subTitle={s?.run ? t('analytics.asOf', { date: s.run.asOf, count: formatNumber(s.run.customers, locale) }) : t('analytics.noRun')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<PieChartOutlined />} onClick={() => navigate('/analytics/dashboards')} data-testid="analytics-dashboards">{t('analytics.dashboards')}</Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/admin/analytics-settings')} data-testid="analytics-settings">{t('analytics.settingsLink')}</Button>
            {can('analytics.manage') ? (
              <Button icon={<ReloadOutlined />} loading={running} data-testid="analytics-run"
                onClick={() => start.mutate(undefined, { onSuccess: (r) => setRunId(r.id) })}>
                {t('analytics.recompute')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {run.data?.status === 'running' ? <Progress percent={run.data.progress} status="active" aria-label={t('analytics.progress')} style={{ marginBottom: 16 }} /> : null}
      {run.data?.status === 'failed' ? <Alert type="error" showIcon message={t('analytics.failed')} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        {abcClasses.map((c) => (
          <Card key={c} size="small" style={{ minWidth: 120 }}>
            <Statistic title={t('analytics.abcClass', { class: c })} value={s?.abc[c] ?? 0} loading={summary.isLoading} />
          </Card>
        ))}
        {valueClasses.map((v) => (
          <Card key={v} size="small" style={{ minWidth: 120 }}>
            <Statistic title={t(`analytics.value.${v}`)} value={s?.valueClasses[v] ?? 0} loading={summary.isLoading} />
          </Card>
        ))}
        {quadrants.map((q) => (
          <Card key={q} size="small" style={{ minWidth: 120 }}>
            <Statistic title={t(`analytics.quadrant.${q}`)} value={s?.quadrants[q] ?? 0} loading={summary.isLoading} />
          </Card>
        ))}
        <Card size="small" style={{ minWidth: 120 }}>
          <Statistic title={t('analytics.churnRisk')} value={s?.churnRisk ?? 0} loading={summary.isLoading} />
        </Card>
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('analytics.filterAbc')}
          value={abc}
          onChange={(v) => { setAbc(v as AbcClass | 'all'); setPage(1); }}
          options={[{ label: t('analytics.all'), value: 'all' }, ...abcClasses.map((c) => ({ label: c, value: c }))]}
        />
        <Select<Quadrant>
          allowClear
          aria-label={t('analytics.filterQuadrant')}
          placeholder={t('analytics.filterQuadrant')}
          value={quadrant}
          onChange={(v) => { setQuadrant(v); setPage(1); }}
          options={quadrants.map((q) => ({ value: q, label: `${t(`analytics.quadrant.${q}`)} · ${t(`analytics.quadrantAction.${q}`)}` }))}
          style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 360 }}
          data-testid="analytics-quadrant-filter"
        />
        <Checkbox checked={suggestedOnly} onChange={(e) => { setSuggestedOnly(e.target.checked); setPage(1); }} data-testid="analytics-suggested-filter">
          {t('analytics.filterSuggested')}
        </Checkbox>
        <Checkbox checked={wonBackOnly} onChange={(e) => { setWonBackOnly(e.target.checked); setPage(1); }} data-testid="analytics-wonback-filter">
          {t('analytics.filterWonBack')}
        </Checkbox>
      </Flex>
      <Table
        rowKey="customerId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        data-testid="analytics-table"
      />
    </>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Skeleton, Table, Typography, theme } from 'antd';
import type { Locale, StageStatsExportQuery, StageStatsRow } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { format } from 'echarts/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ECElementEvent } from 'echarts/core';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { API_BASE, buildQuery } from '../../../shared/api/client';
import { formatDate } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePipelines } from '../api';
import { useStageStats } from '../stage-stats-api';
import { formatHours, stageName } from './deal-format';
import { EChart, type ChartOption } from './echart';
import { stageDrillHref } from './stage-drill';

export interface StageFunnelProps {
  /** The default pipeline when absent. */
  pipelineId?: number;
  departmentId?: number;
  ownerId?: number;
}

function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** The report as .xlsx with the filters shown (a plain link: the browser downloads it), as the dashboard cards' export. */
function stageStatsExportHref(query: StageStatsExportQuery): string {
  return `${API_BASE}/opportunities/stage-stats/export${buildQuery({ ...query, format: 'xlsx' })}`;
}

/** The won stage is the funnel's end: nothing lies further, so it has no conversion of its own. */
const isWon = (row: StageStatsRow) => row.stage.kind === 'won';

function conversionText(row: StageStatsRow, locale: Locale, t: Translate): string {
  return isWon(row) ? t('common.none') : formatPercent(row.conversion, locale);
}

function timeText(hours: number, row: StageStatsRow, t: Translate): string {
  return row.ended > 0 ? formatHours(hours, t) : t('common.none');
}

/** The tooltip of one bar, as HTML (ECharts' tooltips are HTML: names are escaped). */
function tooltipHtml(row: StageStatsRow, locale: Locale, t: Translate): string {
  const lines = [
    `<strong>${format.encodeHTML(stageName(row.stage, locale))}</strong>`,
    t('stageStats.tooltipEntered', { count: row.entered }),
    ...(isWon(row) ? [] : [t('stageStats.tooltipAdvanced', { count: row.advanced, conversion: formatPercent(row.conversion, locale) })]),
    t('stageStats.tooltipLost', { count: row.lost }),
    t('stageStats.tooltipStillThere', { count: row.stillThere }),
    row.ended > 0
      ? t('stageStats.tooltipTime', { avg: formatHours(row.avgHours, t), median: formatHours(row.medianHours, t), stays: row.ended })
      : t('stageStats.tooltipNoTime'),
    t('stageStats.tooltipDrill'),
  ];
  return lines.map((line, index) => (index === 0 ? line : format.encodeHTML(line))).join('<br/>');
}

/**
 * 阶段转化: per stage of a pipeline, the deals that entered it in a period (bars, with the share
 * that went further), then a compact table with what became of them and the time they stayed.
 */
export function StageFunnel({ pipelineId, departmentId, ownerId }: StageFunnelProps) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const { token } = theme.useToken();
  // Null: the server's default, the 12 months up to today.
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const filters = {
    pipelineId,
    departmentId,
    ownerId,
    from: period?.[0].format('YYYY-MM-DD'),
    to: period?.[1].format('YYYY-MM-DD'),
  };
  const stats = useStageStats(filters);
  const pipelines = usePipelines();
  const rows = useMemo(() => stats.data?.stages ?? [], [stats.data]);
  const navigate = useNavigate();

  // The deals behind a stage: the pipeline the report shows (the default one named), same owner and department.
  const drillPipelineId = stats.data?.pipelineId;
  const drillHref = useCallback(
    (row: StageStatsRow) => (drillPipelineId === undefined ? undefined : stageDrillHref({ pipelineId: drillPipelineId, ownerId, departmentId }, row.stage.id)),
    [drillPipelineId, ownerId, departmentId],
  );
  // A bar or a stage name on the axis (the table's links are the keyboard's way in).
  const onChartClick = useCallback(
    (event: ECElementEvent) => {
      const row = event.dataIndex === undefined ? undefined : rows[event.dataIndex];
      const href = row ? drillHref(row) : undefined;
      if (href) void navigate(href);
    },
    [rows, drillHref, navigate],
  );

  const option = useMemo<ChartOption>(() => {
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const index = Array.isArray(params) ? params[0]?.dataIndex : params.dataIndex;
          const row = index === undefined ? undefined : rows[index];
          return row ? tooltipHtml(row, locale, t) : '';
        },
      },
      grid: { left: 8, right: isMobile ? 56 : 80, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // The first stage on top, as in a funnel.
      yAxis: { type: 'category', inverse: true, triggerEvent: true, data: rows.map((row) => stageName(row.stage, locale)), axisLabel: { width: isMobile ? 72 : 140, overflow: 'truncate' } },
      series: [
        {
          id: 'entered',
          name: t('stageStats.entered'),
          type: 'bar',
          barMaxWidth: 22,
          cursor: 'pointer',
          data: rows.map((row) => ({ value: row.entered, itemStyle: { color: isWon(row) ? token.colorSuccess : token.colorPrimary } })),
          label: {
            show: true,
            position: 'right',
            formatter: (params) => {
              const row = rows[params.dataIndex];
              if (!row) return '';
              return isWon(row) ? String(row.entered) : t('stageStats.barLabel', { entered: row.entered, conversion: formatPercent(row.conversion, locale) });
            },
          },
        },
      ],
    };
  }, [rows, locale, t, isMobile, token.colorPrimary, token.colorSuccess]);

  const pipelineName = stats.data ? pipelines.data?.find((p) => p.id === stats.data.pipelineId)?.name : undefined;

  const picker = (
    <DatePicker.RangePicker
      allowClear
      value={period}
      onChange={(range) => {
        const [from, to] = range ?? [];
        setPeriod(from && to ? [from, to] : null);
      }}
      disabledDate={(day) => day.isAfter(dayjs(), 'day')}
      aria-label={t('stageStats.period')}
      size="small"
      style={{ width: isMobile ? '100%' : 240 }}
      data-testid="stage-funnel-period"
    />
  );

  const exportButton = (
    <Button size="small" icon={<DownloadOutlined />} href={stageStatsExportHref(filters)} download aria-label={t('stageStats.exportLabel')} data-testid="stage-funnel-export">
      {t('stageStats.export')}
    </Button>
  );

  let body;
  if (stats.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (stats.isError) body = <QueryErrorResult error={stats.error} onRetry={() => void stats.refetch()} />;
  else if (rows.every((row) => row.entered === 0)) body = <Empty description={t('stageStats.empty')} data-testid="stage-funnel-empty" />;
  else {
    body = (
      <Flex vertical gap={12}>
        <EChart option={option} height={24 + rows.length * 34} onClick={onChartClick} ariaLabel={`${t('stageStats.chartLabel')} (${t('stageStats.drillHint')})`} testId="stage-funnel-chart" />
        <Table<StageStatsRow>
          rowKey={(row) => row.stage.id}
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'stage',
              title: t('stageStats.stage'),
              render: (_v, row) => {
                const name = stageName(row.stage, locale);
                const href = drillHref(row);
                return href ? (
                  <Link to={href} title={t('stageStats.drillTitle', { stage: name })} data-testid={`stage-funnel-drill-${row.stage.id}`}>
                    {name}
                  </Link>
                ) : (
                  name
                );
              },
            },
            { key: 'entered', title: t('stageStats.entered'), align: 'right', render: (_v, row) => row.entered },
            { key: 'advanced', title: t('stageStats.advanced'), align: 'right', render: (_v, row) => (isWon(row) ? t('common.none') : row.advanced) },
            { key: 'conversion', title: t('stageStats.conversion'), align: 'right', render: (_v, row) => conversionText(row, locale, t) },
            { key: 'lost', title: t('stageStats.lost'), align: 'right', responsive: ['md'], render: (_v, row) => row.lost },
            { key: 'stillThere', title: t('stageStats.stillThere'), align: 'right', responsive: ['md'], render: (_v, row) => row.stillThere },
            { key: 'avg', title: t('stageStats.avgTime'), align: 'right', render: (_v, row) => timeText(row.avgHours, row, t) },
            { key: 'median', title: t('stageStats.medianTime'), align: 'right', responsive: ['md'], render: (_v, row) => timeText(row.medianHours, row, t) },
          ]}
          data-testid="stage-funnel-table"
        />
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      title={pipelineName ? `${t('stageStats.title')} · ${pipelineName}` : t('stageStats.title')}
      extra={
        isMobile ? (
          exportButton
        ) : (
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            {picker}
            {exportButton}
          </span>
        )
      }
      data-testid="stage-funnel"
    >
      <Flex vertical gap={12}>
        {isMobile ? picker : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {stats.data ? `${t('stageStats.periodShown', { from: formatDate(stats.data.from), to: formatDate(stats.data.to) })} · ` : ''}
          {t('stageStats.hint')}
          {rows.some((row) => row.entered > 0) ? ` · ${t('stageStats.drillHint')}` : ''}
        </Typography.Text>
        {body}
      </Flex>
    </Card>
  );
}

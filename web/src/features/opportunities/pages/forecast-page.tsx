import { Card, DatePicker, Flex, Segmented, Select, Skeleton, Statistic, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { treeSelectData, useDepartments } from '../../departments';
import { useForecast, usePipelines } from '../api';
import { formatMoney } from '../../../shared/format/format';
import { ForecastAttainment } from '../components/forecast-attainment';
import { ForecastChart } from '../components/forecast-chart';
import { ForecastDrillDrawer } from '../components/forecast-drill-drawer';
import {
  figureKeys,
  figureLabels,
  parseForecastParams,
  toForecastQuery,
  toForecastSearchParams,
  type DrillDown,
  type ForecastParams,
} from '../components/forecast-model';
import { ForecastTable } from '../components/forecast-table';
import { StageFunnel } from '../components/stage-funnel';

/** 销售预测: by month and owner or department, with drill-down to the deals. */
export function ForecastPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('forecast.title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view = parseForecastParams(params);
  const forecast = useForecast(toForecastQuery(view));
  const pipelines = usePipelines();
  const departments = useDepartments(can('departments.view'));
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const update = (patch: Partial<ForecastParams>) => setParams(toForecastSearchParams({ ...view, ...patch }), { replace: true });
  const width = isMobile ? '100%' : 190;

  const sums = useMemo(() => {
    const out = { won: 0, commit: 0, bestCase: 0, pipeline: 0, weighted: 0 };
    for (const row of forecast.data?.totals ?? []) for (const key of figureKeys) out[key] += row[key];
    return out;
  }, [forecast.data]);

  const filters = (
    <Flex gap={8} wrap align="center" vertical={isMobile} style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        picker="month"
        allowClear={false}
        value={[dayjs(`${view.from}-01`), dayjs(`${view.to}-01`)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          // The server answers at most 24 months.
          if (from && to) update({ from: from.format('YYYY-MM'), to: (to.diff(from, 'month') > 23 ? from.add(23, 'month') : to).format('YYYY-MM') });
        }}
        style={{ width: isMobile ? '100%' : 240 }}
        aria-label={t('forecast.months')}
        data-testid="forecast-months"
      />
      <Segmented<ForecastParams['groupBy']>
        value={view.groupBy}
        onChange={(groupBy) => update({ groupBy })}
        options={[
          { value: 'owner', label: t('forecast.byOwner') },
          { value: 'department', label: t('forecast.byDepartment') },
        ]}
        data-testid="forecast-group-by"
      />
      <Select
        allowClear
        placeholder={t('forecast.allPipelines')}
        aria-label={t('opp.f.pipeline')}
        options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={view.pipelineId}
        onChange={(pipelineId: number | undefined) => update({ pipelineId })}
        style={{ width }}
        data-testid="forecast-pipeline"
      />
      {can('departments.view') ? (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('opp.anyDepartment')}
          aria-label={t('opp.anyDepartment')}
          treeData={treeSelectData(departments.data ?? [])}
          value={view.departmentId}
          onChange={(departmentId: number | undefined) => update({ departmentId })}
          style={{ width }}
          data-testid="forecast-department"
        />
      ) : null}
    </Flex>
  );

  let body;
  if (forecast.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (forecast.isError) body = <QueryErrorResult error={forecast.error} onRetry={() => void forecast.refetch()} />;
  else {
    const data = forecast.data;
    body = (
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          {figureKeys.map((key) => (
            <Card key={key} size="small" style={{ flex: '1 1 150px' }}>
              <Statistic title={t(figureLabels[key])} value={formatMoney(sums[key], data.baseCurrency, locale)} styles={{ content: { fontSize: 18 } }} />
            </Card>
          ))}
        </Flex>
        <ForecastAttainment view={view} forecast={data} />
        <Card size="small" title={t('forecast.chartTitle')} extra={isMobile ? null : <span style={{ fontSize: 12, color: '#595959' }}>{t('forecast.chartHint')}</span>}>
          <ForecastChart forecast={data} onDrill={(month, figure) => setDrill({ month, figure })} />
        </Card>
        <Card size="small" title={view.groupBy === 'owner' ? t('forecast.tableByOwner') : t('forecast.tableByDepartment')}>
          <ForecastTable forecast={data} groupBy={view.groupBy} onDrill={setDrill} />
        </Card>
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t('forecast.title')} subTitle={t('forecast.subtitle')} />
      {filters}
      {body}
      <div style={{ marginTop: 16 }}>
        <StageFunnel pipelineId={view.pipelineId} departmentId={view.departmentId} />
      </div>
      <ForecastDrillDrawer view={view} drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}

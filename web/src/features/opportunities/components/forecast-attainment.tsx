import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import type { Forecast } from '@crm/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { usePermissions } from '../../auth';
import { AttainmentFigures } from './forecast-attainment-figures';
import { attainmentParts, attainmentRequests, summarize } from './forecast-attainment-model';
import { useContractAttainments } from './forecast-attainment-query';
import type { ForecastParams } from './forecast-model';

interface ForecastAttainmentProps {
  view: ForecastParams;
  forecast: Forecast;
}

/**
 * The forecast's months against the contract-amount target of the reader's scope (the department
 * filtered to, their top department, or their own line). Nothing without targets.view.
 */
export function ForecastAttainment({ view, forecast }: ForecastAttainmentProps) {
  const { t } = useI18n();
  const { can, me } = usePermissions();
  const visible = can('targets.view') && me !== null;
  const parts = useMemo(() => attainmentParts(view.from, view.to), [view.from, view.to]);
  const periods = useMemo(() => attainmentRequests(parts), [parts]);
  const answers = useContractAttainments(periods, visible);
  const weighted = useMemo(() => new Map(forecast.totals.map((row) => [row.month, row.weighted])), [forecast.totals]);
  if (!visible || me === null) return null;

  const range = view.from === view.to ? view.from : `${view.from} – ${view.to}`;
  let body;
  if (answers.error) {
    body = (
      <Alert
        type="warning"
        showIcon
        title={t('forecast.att.error', { message: errorMessage(answers.error, t) })}
        action={<Button size="small" onClick={answers.refetch}>{t('common.retry')}</Button>}
      />
    );
  } else if (answers.isPending) {
    body = <Skeleton active title={false} paragraph={{ rows: 3 }} data-testid="attainment-loading" />;
  } else {
    const summary = summarize(parts, answers.byPeriod, { departmentId: view.departmentId, userId: me.user.id }, weighted);
    const { target, gap } = summary;
    body =
      target === null || gap === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('forecast.att.none')} style={{ margin: '8px 0' }} data-testid="attainment-empty">
          {can('targets.edit') ? (
            <Link to={`/targets?${new URLSearchParams({ period: parts[0] ?? view.from, metric: 'contract_amount' }).toString()}`}>{t('forecast.att.setTarget')}</Link>
          ) : (
            <Typography.Text type="secondary">{t('forecast.att.askManager')}</Typography.Text>
          )}
        </Empty>
      ) : (
        <AttainmentFigures
          summary={{ ...summary, target, gap }}
          currency={forecast.baseCurrency}
          pipelineOnly={view.pipelineId !== undefined}
          scopeName={summary.name ?? t('forecast.att.everyone')}
        />
      );
  }

  return (
    <Card size="small" title={t('forecast.att.title')} extra={<Typography.Text type="secondary">{range}</Typography.Text>} data-testid="forecast-attainment">
      {body}
    </Card>
  );
}

import { Drawer, Empty, Flex, List, Pagination, Skeleton, Tag, Typography } from 'antd';
import type { Opportunity } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useOpportunityList } from '../api';
import { OwnerAvatar, StageTag } from './deal-bits';
import { forecastCategoryLabels } from './deal-format';
import { formatMoney } from '../../../shared/format/format';
import { drillDownQuery, figureLabels, type DrillDown, type ForecastParams } from './forecast-model';

interface ForecastDrillDrawerProps {
  view: ForecastParams;
  drill: DrillDown | null;
  onClose: () => void;
}

/** The deals behind one forecast figure, each linking to its page. */
export function ForecastDrillDrawer({ view, drill, onClose }: ForecastDrillDrawerProps) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const title = drill
    ? [drill.group?.name, drill.month, t(figureLabels[drill.figure])].filter(Boolean).join(' · ')
    : '';
  return (
    <Drawer open={drill !== null} onClose={onClose} title={title} size={isMobile ? '100%' : 560} destroyOnHidden data-testid="forecast-drill">
      {drill ? <DrillList view={view} drill={drill} /> : null}
    </Drawer>
  );
}

function DrillList({ view, drill }: { view: ForecastParams; drill: DrillDown }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const list = useOpportunityList(drillDownQuery(view, drill, page));
  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.total === 0) return <Empty description={t('forecast.drillEmpty')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {drill.figure === 'won' ? t('forecast.drillWon') : drill.figure === 'commit' ? t('forecast.drillCommit') : t('forecast.drillOpen')}
      </Typography.Text>
      <List<Opportunity>
        loading={list.isFetching}
        dataSource={list.data.items}
        renderItem={(deal) => (
          <List.Item data-testid="drill-deal">
            <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8}>
                <Link to={`/opportunities/${deal.id}`} style={{ fontWeight: 600, minWidth: 0 }}>
                  {deal.name}
                </Link>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(deal.status === 'won' ? (deal.wonAmount ?? deal.amount) : deal.amount, deal.currency, locale)}
                </Typography.Text>
              </Flex>
              <Flex gap={6} wrap align="center">
                <OwnerAvatar ownerId={deal.ownerId} ownerName={deal.ownerName} size={20} />
                <Link to={`/customers/${deal.customerId}`} style={{ fontSize: 12 }}>
                  {deal.customerName}
                </Link>
                <StageTag deal={deal} />
                {deal.status === 'open' ? <Tag style={{ marginInlineEnd: 0 }}>{t(forecastCategoryLabels[deal.forecastCategory])}</Tag> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(deal.status === 'open' ? deal.expectedCloseDate : deal.closedOn)} · {deal.probability}%
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      {list.data.total > 20 ? (
        <Flex justify="center">
          <Pagination simple current={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </Flex>
      ) : null}
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('common.total', { total: list.data.total })}
      </Typography.Text>
    </Flex>
  );
}

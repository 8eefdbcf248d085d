import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Pagination, Segmented, Skeleton, Typography } from 'antd';
import type { Opportunity, OpportunityStatus } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useOpportunityList } from '../api';
import { BigDealTag, DealStatusTag, OverdueTag, StageTag } from './deal-bits';
import { DealFormDrawer } from './deal-form-drawer';
import { formatMoney } from '../../../shared/format/format';

const pageSize = 5;

/** The customer page's 商机 card: its open and closed deals, and "New opportunity" for this customer. */
export function CustomerDeals({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { can } = usePermissions();
  if (!can('opportunities.view')) return null;
  return <DealsCard customerId={customerId} customerName={customerName} />;
}

function DealsCard({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const [status, setStatus] = useState<OpportunityStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useOpportunityList({
    customerId,
    page,
    pageSize,
    sort: '-updatedAt',
    ...(status === 'all' ? {} : { status }),
  });

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'all' ? t('opp.customerEmpty') : t('opp.emptyFiltered')} />;
  else
    body = (
      <Flex vertical gap={8}>
        <List<Opportunity>
          size="small"
          loading={list.isFetching}
          dataSource={list.data.items}
          renderItem={(deal) => (
            <List.Item data-testid="customer-deal">
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/opportunities/${deal.id}`} style={{ fontWeight: 600, minWidth: 0 }}>
                    {deal.name}
                  </Link>
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(deal.status === 'won' ? (deal.wonAmount ?? deal.amount) : deal.amount, deal.currency, locale)}
                  </Typography.Text>
                </Flex>
                <Flex gap={6} wrap align="center">
                  {/* A closed deal's stage is its status (won or lost): one tag is enough. */}
                  {deal.status === 'open' ? <StageTag deal={deal} /> : null}
                  <DealStatusTag status={deal.status} />
                  {deal.overdue ? <OverdueTag /> : null}
                  {deal.bigDeal ? <BigDealTag /> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {deal.status === 'open'
                      ? `${t('opp.f.expectedCloseDate')} ${formatDate(deal.expectedCloseDate)}`
                      : `${t('opp.closedOn')} ${formatDate(deal.closedOn)}`}
                    {deal.ownerName ? ` · ${deal.ownerName}` : ''}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
        {list.data.total > pageSize ? (
          <Flex justify="center">
            <Pagination simple size="small" current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
          </Flex>
        ) : null}
      </Flex>
    );

  return (
    <Card
      size="small"
      title={list.data ? t('opp.customerDealsCount', { count: list.data.total }) : t('opp.customerDeals')}
      extra={
        can('opportunities.create') ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-deal-create">
            {t('opp.create')}
          </Button>
        ) : null
      }
      data-testid="customer-deals"
    >
      <Segmented<OpportunityStatus | 'all'>
        size="small"
        value={status}
        onChange={(next) => {
          setStatus(next);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('common.all') },
          { value: 'open', label: t('opp.status.open') },
          { value: 'won', label: t('opp.status.won') },
          { value: 'lost', label: t('opp.status.lost') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {body}
      <DealFormDrawer open={creating} customer={{ id: customerId, name: customerName }} onClose={() => setCreating(false)} />
    </Card>
  );
}

import { Card, Flex, List, Pagination, Typography } from 'antd';
import type { Opportunity } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { BigDealTag, DealStatusTag, OverdueTag, OwnerAvatar, StageTag } from './deal-bits';
import { formatMoney } from '../../../shared/format/format';

interface DealCardsProps {
  items: Opportunity[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
}

/** The table view on a phone: one card per deal, no sideways scrolling. */
export function DealCards({ items, total, page, pageSize, loading, onPage }: DealCardsProps) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={12} data-testid="deal-cards">
      <List<Opportunity>
        loading={loading}
        dataSource={items}
        split={false}
        renderItem={(deal) => (
          <List.Item style={{ padding: '0 0 8px' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" align="start" gap={8}>
                <Link to={`/opportunities/${deal.id}`} style={{ fontWeight: 600, minWidth: 0 }} data-testid="deal-link">
                  {deal.name}
                </Link>
                <OwnerAvatar ownerId={deal.ownerId} ownerName={deal.ownerName} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {deal.customerName}
              </Typography.Text>
              <Flex wrap gap={6} align="center" style={{ marginTop: 6 }}>
                <Typography.Text strong>{formatMoney(deal.amount, deal.currency, locale)}</Typography.Text>
                <StageTag deal={deal} />
                <DealStatusTag status={deal.status} />
                {deal.overdue ? <OverdueTag /> : null}
                {deal.bigDeal ? <BigDealTag /> : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('opp.f.expectedCloseDate')} {formatDate(deal.expectedCloseDate)} · {deal.probability}%
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      <Flex justify="center">
        <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('common.total', { total })}
      </Typography.Text>
    </Flex>
  );
}

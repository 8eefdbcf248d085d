import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Pagination, Skeleton, Typography } from 'antd';
import type { Quote } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatMoney } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useQuoteList } from '../api';
import { CurrentQuoteTag, QuoteStatusTag } from './quote-bits';
import { QuoteFormDrawer } from './quote-form-drawer';

const pageSize = 5;

/** The customer page's 报价单 card: every quote given to this customer (that the user may see), newest first. */
export function CustomerQuotes({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { can } = usePermissions();
  if (!can('quotes.view')) return null;
  return <QuotesCard customerId={customerId} customerName={customerName} />;
}

/** The deal page's 报价单 card: the deal's quotes, its current one marked; a new one is for this deal. */
export function DealQuotes({ deal }: { deal: { id: number; name: string; customerId: number; customerName: string } }) {
  const { can } = usePermissions();
  if (!can('quotes.view')) return null;
  return <QuotesCard customerId={deal.customerId} customerName={deal.customerName} deal={{ id: deal.id, name: deal.name }} />;
}

function QuotesCard({ customerId, customerName, deal }: { customerId: number; customerName: string; deal?: { id: number; name: string } }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuoteList({ customerId, ...(deal ? { opportunityId: deal.id } : {}), page, pageSize, sort: '-createdAt' });

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={deal ? t('quote.dealEmpty') : t('quote.customerEmpty')} />;
  else
    body = (
      <Flex vertical gap={8}>
        <List<Quote>
          size="small"
          loading={list.isFetching}
          dataSource={list.data.items}
          renderItem={(q) => (
            <List.Item data-testid="customer-quote">
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/quotes/${q.id}`} style={{ fontWeight: 600, minWidth: 0 }}>
                    {q.number} · {q.title}
                  </Link>
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(q.total, q.currency, locale)}
                  </Typography.Text>
                </Flex>
                <Flex gap={6} wrap align="center">
                  <QuoteStatusTag status={q.status} />
                  {q.isCurrent ? <CurrentQuoteTag /> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('quote.revisionLabel', { revision: q.revision })} · {t('quote.f.validUntil')} {formatDate(q.validUntil)}
                    {q.opportunityName && !deal ? ` · ${q.opportunityName}` : ''}
                    {q.ownerName ? ` · ${q.ownerName}` : ''}
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
      title={list.data ? t('quote.customerQuotesCount', { count: list.data.total }) : t('quote.customerQuotes')}
      extra={
        can('quotes.create') ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-quote-create">
            {t('quote.create')}
          </Button>
        ) : null
      }
      data-testid={deal ? 'deal-quotes' : 'customer-quotes'}
    >
      {body}
      <QuoteFormDrawer open={creating} customer={{ id: customerId, name: customerName }} opportunity={deal} onClose={() => setCreating(false)} />
    </Card>
  );
}

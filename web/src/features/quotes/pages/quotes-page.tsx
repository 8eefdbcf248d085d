import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { quoteStatuses, type Quote, type QuoteListQuery, type QuoteStatus } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useQuoteList } from '../api';
import { CurrentQuoteTag, QuoteStatusTag } from '../components/quote-bits';
import { QuoteFormDrawer } from '../components/quote-form-drawer';

const pageSizes = [20, 50, 100];

/** 报价单: every quote in the caller's data scope, searchable and filtered by status (in the URL). */
export function QuotesPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('quote.title'));
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = quoteStatuses.find((s) => s === statusParam);
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [creating, setCreating] = useState(false);
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query: QuoteListQuery = { q: q || undefined, status, page, pageSize, sort: '-updatedAt' };
  const list = useQuoteList(query);
  const filtered = Boolean(q || status);

  const columns: ColumnsType<Quote> = [
    {
      title: t('quote.f.number'),
      key: 'number',
      render: (_, r) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/quotes/${r.id}`}>{r.number}</Link>
          <Typography.Text type="secondary">{t('quote.revisionLabel', { revision: r.revision })}</Typography.Text>
          {r.isCurrent ? <CurrentQuoteTag /> : null}
        </Flex>
      ),
    },
    { title: t('quote.f.title'), dataIndex: 'title', key: 'title' },
    { title: t('quote.f.customer'), key: 'customer', render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { title: t('quote.f.status'), key: 'status', render: (_, r) => <QuoteStatusTag status={r.status} /> },
    { title: t('quote.f.total'), key: 'total', align: 'right', render: (_, r) => formatMoney(r.total, r.currency, locale) },
    { title: t('quote.f.validUntil'), key: 'validUntil', responsive: ['md'], render: (_, r) => formatDate(r.validUntil) },
    { title: t('quote.f.owner'), dataIndex: 'ownerName', key: 'owner', responsive: ['lg'] },
  ];

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0 && !list.isFetching)
    body = (
      <ListEmpty
        filtered={filtered}
        filteredText={t('quote.emptyFiltered')}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
        title={t('quote.emptyTitle')}
        text={t('quote.emptyText')}
        testId="quotes-empty"
      >
        {can('quotes.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('quote.create')}
          </Button>
        ) : null}
      </ListEmpty>
    );
  else
    body = (
      <Table<Quote>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes.map(String),
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, size) => set({ page: p, pageSize: size }),
        }}
        data-testid="quotes-table"
      />
    );

  return (
    <>
      <PageHeader
        title={t('quote.title')}
        extra={
          can('quotes.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="quote-create">
              {t('quote.create')}
            </Button>
          ) : null
        }
      />
      <FilterBar q={q} onSearch={(next) => set({ q: next })} placeholder={t('quote.searchPlaceholder')} activeCount={status ? 1 : 0} onClear={() => setParams(new URLSearchParams(), { replace: true })}>
        <Select<QuoteStatus>
          value={status}
          onChange={(value) => set({ status: value })}
          allowClear
          placeholder={t('quote.anyStatus')}
          aria-label={t('quote.f.status')}
          style={{ minWidth: 160 }}
          options={quoteStatuses.map((s) => ({ value: s, label: t(`quote.status.${s}`) }))}
        />
      </FilterBar>
      {body}
      <QuoteFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(saved) => void navigate(`/quotes/${saved.id}`)} />
    </>
  );
}

import { Flex, type TableProps } from 'antd';
import type { Opportunity } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { ListTable, sortableColumn } from '../../../shared/layout/list-table';
import { BigDealTag, DealStatusTag, OverdueTag, OwnerAvatar } from './deal-bits';
import { DealInlineStage } from './deal-inline-stage';
import { formatMoney } from '../../../shared/format/format';
import { defaultSort, pageSizes, type DealParams, type DealSort } from './deal-params';

type SortKey = 'name' | 'amount' | 'expectedCloseDate' | 'updatedAt';
const sortKeys: readonly SortKey[] = ['name', 'amount', 'expectedCloseDate', 'updatedAt'];

interface DealTableProps {
  view: DealParams;
  items: Opportunity[];
  total: number;
  totalCapped?: boolean;
  loading: boolean;
  baseCurrency: string;
  onChange: (patch: Partial<DealParams>) => void;
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
}

/** The opportunities as a table: sortable, paged, with row selection for bulk transfer. */
export function DealTable({ view, items, total, totalCapped, loading, baseCurrency, onChange, selectedIds, onSelect }: DealTableProps) {
  const { t, locale } = useI18n();
  const sortable = (key: SortKey) => sortableColumn(view.sort, key);

  const columns: TableProps<Opportunity>['columns'] = [
    {
      ...sortable('name'),
      title: t('opp.f.name'),
      render: (_v, deal) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/opportunities/${deal.id}`} data-testid="deal-link">
            {deal.name}
          </Link>
          {deal.bigDeal ? <BigDealTag /> : null}
        </Flex>
      ),
    },
    {
      key: 'customer',
      title: t('opp.f.customer'),
      render: (_v, deal) => <Link to={`/customers/${deal.customerId}`}>{deal.customerName}</Link>,
    },
    { key: 'stage', title: t('opp.f.stage'), render: (_v, deal) => <DealInlineStage deal={deal} /> },
    { key: 'status', title: t('opp.f.status'), render: (_v, deal) => <DealStatusTag status={deal.status} /> },
    {
      ...sortable('amount'),
      title: t('opp.f.amount'),
      align: 'right',
      render: (_v, deal) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(deal.amount, deal.currency, locale)}</span>,
    },
    { key: 'probability', title: t('opp.f.probability'), align: 'right', render: (_v, deal) => `${deal.probability}%` },
    {
      key: 'weighted',
      title: t('opp.weighted'),
      align: 'right',
      render: (_v, deal) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(deal.weightedAmount, baseCurrency, locale)}</span>,
    },
    {
      ...sortable('expectedCloseDate'),
      title: t('opp.f.expectedCloseDate'),
      render: (_v, deal) => (
        <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(deal.expectedCloseDate)}
          {deal.overdue ? <OverdueTag /> : null}
        </Flex>
      ),
    },
    {
      key: 'owner',
      title: t('opp.f.owner'),
      render: (_v, deal) => (
        <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
          <OwnerAvatar ownerId={deal.ownerId} ownerName={deal.ownerName} size={20} />
          {deal.ownerName}
        </Flex>
      ),
    },
    {
      ...sortable('updatedAt'),
      title: t('common.updatedAt'),
      render: (_v, deal) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(deal.updatedAt)}</span>,
    },
  ];

  return (
    <ListTable<Opportunity, DealSort>
      columns={columns}
      items={items}
      loading={loading}
      total={total}
      totalCapped={totalCapped}
      view={view}
      sortKeys={sortKeys}
      defaultSort={defaultSort}
      pageSizes={pageSizes}
      onChange={onChange}
      selectedIds={selectedIds}
      onSelect={onSelect}
      testId="deal-table"
    />
  );
}

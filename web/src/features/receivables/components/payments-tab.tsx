import { Button, DatePicker, Empty, Flex, List, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Payment } from '@crm/contracts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useUserOptions } from '../../users';
import { usePayments } from '../api';
import { useMoney } from './receivable-bits';
import type { ReceivablesView } from './receivables-params';

function useColumns(): ColumnsType<Payment> {
  const { t } = useI18n();
  const money = useMoney();
  return [
    { title: t('recv.p.receivedOn'), key: 'receivedOn', render: (_, r) => formatDate(r.receivedOn) },
    { title: t('recv.col.contract'), key: 'contract', render: (_, r) => <Link to={`/contracts/${r.contractId}`}>{`${r.contractNumber} · ${r.contractTitle}`}</Link> },
    { title: t('recv.col.customer'), key: 'customer', render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { title: t('recv.p.amount'), key: 'amount', align: 'right', render: (_, r) => money.full(r.amount) },
    { title: t('recv.p.method'), key: 'method', render: (_, r) => t(`recv.method.${r.method}`) },
    { title: t('recv.p.reference'), key: 'reference', render: (_, r) => r.reference ?? '' },
    { title: t('recv.col.owner'), key: 'owner', render: (_, r) => r.ownerName ?? '' },
  ];
}

/** 回款记录: payments received in a date range (and by one owner), with the sum of all of them (not only this page). */
export function PaymentsTab({ view, update }: { view: ReceivablesView; update: (patch: Partial<ReceivablesView>) => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const money = useMoney();
  const columns = useColumns();
  const list = usePayments({ from: view.from, to: view.to, ownerId: view.ownerId, page: view.page, pageSize: view.pageSize, sort: '-receivedOn' });
  const pagination = { current: view.page, pageSize: view.pageSize, total: list.data?.total ?? 0, onChange: (page: number, pageSize: number) => update({ page, pageSize }) };
  const ranged = Boolean(view.from || view.to);

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0) body = <Empty description={t(ranged ? 'recv.paymentsEmpty' : 'recv.paymentsEmptyAll')} data-testid="payments-list-empty" />;
  else if (isMobile)
    body = (
      <List<Payment>
        loading={list.isPending || list.isFetching}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        pagination={{ ...pagination, simple: true, align: 'center' }}
        data-testid="payments-table"
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{money.full(r.amount)}</Typography.Text>
              <span>{formatDate(r.receivedOn)}</span>
            </Flex>
            <Link to={`/contracts/${r.contractId}`} style={{ overflowWrap: 'anywhere' }}>{`${r.contractNumber} · ${r.customerName}`}</Link>
            <div>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`recv.method.${r.method}`)}</Tag>
            </div>
          </List.Item>
        )}
      />
    );
  else body = <Table<Payment> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.isPending || list.isFetching} pagination={pagination} scroll={{ x: 'max-content' }} data-testid="payments-table" />;

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="center" justify="space-between">
        <DatePicker.RangePicker
          value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: 1 })}
          aria-label={t('recv.range')}
          style={{ width: isMobile ? '100%' : 280 }}
          data-testid="payments-range"
        />
        {view.ownerId ? <OwnerFilter ownerId={view.ownerId} onClear={() => update({ ownerId: undefined, page: 1 })} /> : null}
        <Statistic title={t('recv.paymentsSum')} value={list.data ? money.short(list.data.sum) : '…'} styles={{ content: { fontSize: 18 } }} data-testid="payments-sum" />
      </Flex>
      {body}
    </Flex>
  );
}

/** The owner the payments are filtered by (from the address, e.g. the targets report's link), with a button to show everyone's. */
function OwnerFilter({ ownerId, onClear }: { ownerId: number; onClear: () => void }) {
  const { t } = useI18n();
  const owners = useUserOptions();
  const name = owners.options.find((o) => o.value === ownerId)?.label ?? `#${ownerId}`;
  return (
    <Flex gap={4} align="center" data-testid="payments-owner-filter">
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('recv.ownerFilter', { name })}
      </Tag>
      <Button size="small" type="link" onClick={onClear} data-testid="payments-owner-filter-clear">
        {t('recv.anyOwner')}
      </Button>
    </Flex>
  );
}

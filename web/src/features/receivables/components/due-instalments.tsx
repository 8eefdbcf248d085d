import { Empty, Flex, List, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DueInstalment } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useDueInstalments } from '../api';
import { InstalmentStatusTag, useMoney } from './receivable-bits';
import type { DueStatus, ReceivablesView } from './receivables-params';

const ContractLink = ({ r }: { r: DueInstalment }) => (
  <Link to={`/contracts/${r.contractId}`} style={{ overflowWrap: 'anywhere' }}>
    {r.contractNumber} · {r.contractTitle}
  </Link>
);

function useColumns(): ColumnsType<DueInstalment> {
  const { t } = useI18n();
  const money = useMoney();
  return [
    { title: t('recv.col.contract'), key: 'contract', render: (_, r) => <ContractLink r={r} /> },
    { title: t('recv.col.customer'), key: 'customer', render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { title: t('recv.col.owner'), key: 'owner', render: (_, r) => r.ownerName ?? '' },
    { title: t('recv.i.dueOn'), key: 'dueOn', render: (_, r) => `${formatDate(r.dueOn)} (${t('recv.instalmentN', { n: r.position })})` },
    { title: t('recv.i.outstanding'), key: 'outstanding', align: 'right', render: (_, r) => money.full(r.outstanding) },
    { title: t('recv.i.status'), key: 'status', render: (_, r) => <InstalmentStatusTag status={r.status} daysOverdue={r.daysOverdue} /> },
  ];
}

/** Unpaid instalments of signed contracts, soonest due first: the overdue ones, or all that are unpaid. */
export function DueInstalments({ view, update }: { view: ReceivablesView; update: (patch: Partial<ReceivablesView>) => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const money = useMoney();
  const columns = useColumns();
  const list = useDueInstalments({ status: view.due, page: view.page, pageSize: view.pageSize });
  const pagination = { current: view.page, pageSize: view.pageSize, total: list.data?.total ?? 0, onChange: (page: number, pageSize: number) => update({ page, pageSize }) };

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0) body = <Empty description={t(view.due === 'overdue' ? 'recv.overdueEmpty' : 'recv.openEmpty')} data-testid="due-empty" />;
  else if (isMobile)
    body = (
      <List<DueInstalment>
        loading={list.isPending || list.isFetching}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        pagination={{ ...pagination, simple: true, align: 'center' }}
        data-testid="due-table"
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }} data-testid="due-row">
            <ContractLink r={r} />
            <Flex justify="space-between" gap={8} wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{`${r.customerName} · ${formatDate(r.dueOn)}`}</Typography.Text>
              <Typography.Text strong>{money.full(r.outstanding)}</Typography.Text>
            </Flex>
            <InstalmentStatusTag status={r.status} daysOverdue={r.daysOverdue} />
          </List.Item>
        )}
      />
    );
  else body = <Table<DueInstalment> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.isPending || list.isFetching} pagination={pagination} scroll={{ x: 'max-content' }} data-testid="due-table" />;

  return (
    <Flex vertical gap={12}>
      <Segmented<DueStatus>
        value={view.due}
        onChange={(due) => update({ due, page: 1 })}
        options={[
          { value: 'overdue', label: t('recv.due.overdue') },
          { value: 'open', label: t('recv.due.open') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="due-status"
      />
      {body}
    </Flex>
  );
}

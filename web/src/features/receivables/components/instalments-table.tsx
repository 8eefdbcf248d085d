import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ContractReceivables, Instalment } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { InstalmentStatusTag, useMoney } from './receivable-bits';

/** The payment plan: each instalment's due date, amount, what payments settled of it and its state. */
export function InstalmentsTable({ state }: { state: ContractReceivables }) {
  const { t } = useI18n();
  const money = useMoney(state.currency);
  if (state.instalments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recv.noPlan')} data-testid="instalments-empty" />;
  const columns: ColumnsType<Instalment> = [
    // Numbered in due-date order, the order the server lists and numbers them in (from 1).
    { title: t('recv.i.position'), key: 'position', width: 48, render: (_, _r, index) => index + 1 },
    { title: t('recv.i.dueOn'), key: 'dueOn', render: (_, r) => formatDate(r.dueOn) },
    { title: t('recv.i.amount'), key: 'amount', align: 'right', render: (_, r) => money.full(r.amount) },
    { title: t('recv.i.paid'), key: 'paid', align: 'right', responsive: ['md'], render: (_, r) => money.full(r.paid) },
    { title: t('recv.i.outstanding'), key: 'outstanding', align: 'right', responsive: ['lg'], render: (_, r) => money.full(r.outstanding) },
    { title: t('recv.i.status'), key: 'status', render: (_, r) => <InstalmentStatusTag status={r.status} daysOverdue={r.daysOverdue} settledOn={r.settledOn} /> },
    { title: t('recv.i.note'), key: 'note', responsive: ['xl'], render: (_, r) => r.note ?? '' },
  ];
  const unplanned = state.amount - state.planned;
  return (
    <>
      <Table<Instalment> rowKey="id" size="small" columns={columns} dataSource={state.instalments} pagination={false} data-testid="instalments-table" />
      {unplanned > 0 ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} data-testid="instalments-unplanned">
          {t('recv.unplanned', { amount: money.full(unplanned) })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

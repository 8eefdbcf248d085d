import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ContractReceivables, Invoice, Payment } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useMoney } from './receivable-bits';

interface EntryProps {
  amount: string;
  date: string;
  tag: string;
  detail: ReactNode;
  deleteLabel: string;
  onDelete?: () => void;
  testId: string;
}

/** One payment or invoice: amount and date, its kind, the details, and delete for those who may. */
function Entry({ amount, date, tag, detail, deleteLabel, onDelete, testId }: EntryProps) {
  return (
    <List.Item data-testid={testId}>
      <Flex justify="space-between" align="start" gap={8} style={{ width: '100%', minWidth: 0 }}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{amount}</Typography.Text>
            <span>{date}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{tag}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {detail}
          </Typography.Text>
        </Flex>
        {onDelete ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={deleteLabel} data-testid={`${testId}-delete`} /> : null}
      </Flex>
    </List.Item>
  );
}

const joined = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');

export function PaymentsList({ state, onDelete }: { state: ContractReceivables; onDelete?: (payment: Payment) => void }) {
  const { t } = useI18n();
  const money = useMoney(state.currency);
  if (state.payments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recv.noPayments')} data-testid="payments-empty" />;
  return (
    <List<Payment>
      size="small"
      dataSource={state.payments}
      renderItem={(p) => (
        <Entry
          amount={money.full(p.amount)}
          date={formatDate(p.receivedOn)}
          tag={t(`recv.method.${p.method}`)}
          detail={joined([p.reference, p.note, p.createdByName ? t('recv.by', { name: p.createdByName }) : null])}
          deleteLabel={t('recv.deletePaymentLabel', { amount: money.full(p.amount) })}
          onDelete={onDelete ? () => onDelete(p) : undefined}
          testId="payment-row"
        />
      )}
    />
  );
}

export function InvoicesList({ state, onDelete }: { state: ContractReceivables; onDelete?: (invoice: Invoice) => void }) {
  const { t } = useI18n();
  const money = useMoney(state.currency);
  if (state.invoices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recv.noInvoices')} data-testid="invoices-empty" />;
  return (
    <List<Invoice>
      size="small"
      dataSource={state.invoices}
      renderItem={(i) => (
        <Entry
          amount={money.full(i.amount)}
          date={formatDate(i.issuedOn)}
          tag={t(`recv.kind.${i.kind}`)}
          detail={joined([t('recv.inv.numbered', { number: i.number }), i.note, i.createdByName ? t('recv.by', { name: i.createdByName }) : null])}
          deleteLabel={t('recv.deleteInvoiceLabel', { number: i.number })}
          onDelete={onDelete ? () => onDelete(i) : undefined}
          testId="invoice-row"
        />
      )}
    />
  );
}

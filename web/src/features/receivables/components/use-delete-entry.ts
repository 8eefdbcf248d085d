import { App } from 'antd';
import type { Invoice, Payment } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate } from '../../../shared/format/format';
import { testId } from '../../../shared/test-id';
import { useDeleteEntry } from '../api';
import { useMoney } from './receivable-bits';

/** Deleting a payment or an invoice of a contract, each confirmed first. */
export function useDeleteEntryConfirm(contractId: number, currency: string) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const remove = useDeleteEntry(contractId);
  const money = useMoney(currency);
  const confirm = (kind: 'payments' | 'invoices', id: number, title: string, content: string, done: string) =>
    void modal.confirm({
      title,
      content,
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete-entry') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ kind, id }).then(
          () => void message.success(done),
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });
  return {
    payment: (p: Payment) =>
      confirm('payments', p.id, t('recv.deletePayment', { amount: money.full(p.amount), date: formatDate(p.receivedOn) }), t('recv.deletePaymentText'), t('recv.paymentDeleted')),
    invoice: (i: Invoice) => confirm('invoices', i.id, t('recv.deleteInvoice', { number: i.number }), t('recv.deleteInvoiceText'), t('recv.invoiceDeleted')),
  };
}

import { DollarOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import type { ContractReceivables } from '@crm/contracts';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useContractReceivables } from '../api';
import { InvoicesList, PaymentsList } from './entry-lists';
import { InstalmentsTable } from './instalments-table';
import { InvoiceDrawer } from './invoice-drawer';
import { PaymentDrawer } from './payment-drawer';
import { PlanDrawer } from './plan-drawer';
import { ReceivableSums } from './receivable-sums';
import { useDeleteEntryConfirm } from './use-delete-entry';

type Drawer = 'plan' | 'payment' | 'invoice' | null;

/** The contract page's 回款 card: its figures, payment plan, payments and invoices (for readers with receivables.view). */
export function ContractReceivablesCard({ contractId }: { contractId: number }) {
  const { t } = useI18n();
  const { can } = usePermissions();
  const allowed = can('receivables.view');
  const query = useContractReceivables(contractId, allowed);
  if (!allowed) return null;
  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (query.isError) body = <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  else body = <ReceivablesBody state={query.data} editable={can('receivables.edit') && query.data.can.edit} />;
  return (
    <Card size="small" title={t('recv.card')} data-testid="contract-receivables">
      {body}
    </Card>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
        {action}
      </Flex>
      {children}
    </section>
  );
}

function ReceivablesBody({ state, editable }: { state: ContractReceivables; editable: boolean }) {
  const { t } = useI18n();
  const [drawer, setDrawer] = useState<Drawer>(null);
  const remove = useDeleteEntryConfirm(state.contractId, state.currency);
  const mayRecord = editable && state.payable;
  const button = (kind: Exclude<Drawer, null>, label: string, icon: ReactNode, show: boolean) =>
    show ? (
      <Button size="small" icon={icon} onClick={() => setDrawer(kind)} data-testid={`receivables-${kind}`}>
        {label}
      </Button>
    ) : null;

  return (
    <Flex vertical gap={16}>
      <ReceivableSums state={state} />
      {state.payable ? null : <Alert type="info" showIcon title={t('recv.notPayable')} data-testid="receivables-not-payable" />}
      <Section title={t('recv.plan')} action={button('plan', t('recv.editPlan'), <EditOutlined />, editable)}>
        <InstalmentsTable state={state} />
      </Section>
      <Section title={t('recv.payments')} action={button('payment', t('recv.recordPayment'), <DollarOutlined />, mayRecord && state.outstanding > 0)}>
        <PaymentsList state={state} onDelete={editable ? remove.payment : undefined} />
      </Section>
      <Section title={t('recv.invoices')} action={button('invoice', t('recv.recordInvoice'), <FileTextOutlined />, mayRecord)}>
        <InvoicesList state={state} onDelete={editable ? remove.invoice : undefined} />
      </Section>
      <PlanDrawer open={drawer === 'plan'} state={state} onClose={() => setDrawer(null)} />
      <PaymentDrawer open={drawer === 'payment'} state={state} onClose={() => setDrawer(null)} />
      <InvoiceDrawer open={drawer === 'invoice'} state={state} onClose={() => setDrawer(null)} />
    </Flex>
  );
}

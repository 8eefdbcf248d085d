import { App, Flex, Form, Input, Select, type FormInstance } from 'antd';
import { invoiceCreate, invoiceKinds, maxLengthOf, type ContractReceivables, type InvoiceKind } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { textOrNull } from '../../../shared/form/normalize';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { yuanToFen } from '../../../shared/format/format';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useRecordInvoice } from '../api';
import { DateField, today } from './date-field';
import { suggestedInvoice } from './plan-model';
import { useMoney, usePositiveRule } from './receivable-bits';

interface InvoiceValues {
  number: string;
  kind: InvoiceKind;
  issuedOn: string | null;
  amount: number | null;
  note: string;
}

interface InvoiceDrawerProps {
  open: boolean;
  state: ContractReceivables;
  onClose: () => void;
}

const labels: Record<string, MessageKey> = { number: 'recv.inv.number', kind: 'recv.inv.kind', issuedOn: 'recv.inv.issuedOn', amount: 'recv.inv.amount', note: 'recv.inv.note' };
const limit = (field: string) => maxLengthOf(invoiceCreate, field);
const half = { flex: '1 1 220px', minWidth: 0 };

/** 登记开票: an invoice issued against the contract (its number as printed, kind, date and amount). */
export function InvoiceDrawer(props: InvoiceDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<InvoiceValues> open={props.open} onClose={props.onClose} title={t('recv.invoiceTitle')} width={560} testId="invoice-drawer">
      {(form) => <InvoiceForm form={form} {...props} />}
    </FormDrawer>
  );
}

function InvoiceForm({ form, state, onClose }: InvoiceDrawerProps & { form: FormInstance<InvoiceValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const record = useRecordInvoice(state.contractId);
  const problems = useSaveProblems<unknown, InvoiceValues>(form);
  useFocusOnOpen(form, 'number');
  const positive = usePositiveRule();
  const money = useMoney(state.currency);
  const uninvoiced = state.amount - state.invoiced;
  const withinAmount = {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value === 'number' && (yuanToFen(value) ?? 0) > uninvoiced) throw new Error(t('recv.inv.tooMuch', { amount: money.full(uninvoiced) }));
    },
  };

  const submit = (values: InvoiceValues) => {
    problems.clear();
    const note = textOrNull(values.note);
    record.mutate(
      { number: values.number.trim(), kind: values.kind, issuedOn: values.issuedOn ?? '', amount: yuanToFen(values.amount) ?? 0, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          void message.success(t('recv.invoiceSaved', { number: values.number.trim() }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  const suggested = suggestedInvoice(state);
  return (
    <DrawerForm<InvoiceValues>
      form={form}
      name="invoice_form"
      initialValues={{ number: '', kind: 'vat_special', issuedOn: today(), amount: suggested > 0 ? suggested / 100 : null, note: '' }}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => (labels[path] ? t(labels[path]) : path) }}
      saving={record.isPending}
      saveTestId="invoice-save"
      onCancel={onClose}
    >
      <Flex gap={16} wrap>
        <Form.Item name="number" label={t('recv.inv.number')} rules={[rules.required, rules.max(limit('number'))]} style={half}>
          <Input maxLength={limit('number')} autoComplete="off" data-testid="invoice-number" />
        </Form.Item>
        <Form.Item name="kind" label={t('recv.inv.kind')} style={half}>
          <Select<InvoiceKind> options={invoiceKinds.map((k) => ({ value: k, label: t(`recv.kind.${k}`) }))} data-testid="invoice-kind" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <DateField name="issuedOn" label={t('recv.inv.issuedOn')} rules={[rules.requiredChoice]} style={half} testId="invoice-issuedOn" />
        <Form.Item name="amount" label={t('recv.inv.amount')} rules={[rules.requiredChoice, positive, withinAmount]} style={half}>
          <YuanInput data-testid="invoice-amount" />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('recv.inv.note')} rules={[rules.max(limit('note'))]}>
        <Input.TextArea rows={3} maxLength={limit('note')} />
      </Form.Item>
    </DrawerForm>
  );
}

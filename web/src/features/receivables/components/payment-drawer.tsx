import { App, Flex, Form, Input, Select, Typography, type FormInstance } from 'antd';
import { maxLengthOf, paymentCreate, paymentMethods, type ContractReceivables, type PaymentMethod } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { textOrNull } from '../../../shared/form/normalize';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { yuanToFen } from '../../../shared/format/format';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useRecordPayment } from '../api';
import { DateField, today } from './date-field';
import { suggestedPayment } from './plan-model';
import { useMoney } from './receivable-bits';

interface PaymentValues {
  receivedOn: string | null;
  amount: number | null;
  method: PaymentMethod;
  reference: string;
  note: string;
}

interface PaymentDrawerProps {
  open: boolean;
  state: ContractReceivables;
  onClose: () => void;
}

const labels: Record<string, MessageKey> = { receivedOn: 'recv.p.receivedOn', amount: 'recv.p.amount', method: 'recv.p.method', reference: 'recv.p.reference', note: 'recv.p.note' };
const limit = (field: string) => maxLengthOf(paymentCreate, field);
const half = { flex: '1 1 220px', minWidth: 0 };

/** 登记回款: a payment received on the contract (today, the next instalment's amount and a bank transfer unless changed). */
export function PaymentDrawer(props: PaymentDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<PaymentValues> open={props.open} onClose={props.onClose} title={t('recv.paymentTitle')} width={560} testId="payment-drawer">
      {(form) => <PaymentForm form={form} {...props} />}
    </FormDrawer>
  );
}

function PaymentForm({ form, state, onClose }: PaymentDrawerProps & { form: FormInstance<PaymentValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const money = useMoney(state.currency);
  const record = useRecordPayment(state.contractId);
  const problems = useSaveProblems<unknown, PaymentValues>(form);
  useFocusOnOpen(form, 'amount');
  const withinOutstanding = {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value !== 'number') return;
      if (value <= 0) throw new Error(t('recv.positive'));
      if ((yuanToFen(value) ?? 0) > state.outstanding) throw new Error(t('recv.p.tooMuch', { amount: money.full(state.outstanding) }));
    },
  };

  const submit = (values: PaymentValues) => {
    problems.clear();
    const amount = yuanToFen(values.amount) ?? 0;
    const reference = textOrNull(values.reference);
    const note = textOrNull(values.note);
    record.mutate(
      { receivedOn: values.receivedOn ?? '', amount, method: values.method, ...(reference ? { reference } : {}), ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          void message.success(t('recv.paymentSaved', { amount: money.full(amount) }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  return (
    <DrawerForm<PaymentValues>
      form={form}
      name="payment_form"
      initialValues={{ receivedOn: today(), amount: suggestedPayment(state) / 100, method: 'bank_transfer', reference: '', note: '' }}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => (labels[path] ? t(labels[path]) : path) }}
      saving={record.isPending}
      saveTestId="payment-save"
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary" data-testid="payment-outstanding">
        {t('recv.p.outstandingHint', { amount: money.full(state.outstanding) })}
      </Typography.Paragraph>
      <Flex gap={16} wrap>
        <DateField name="receivedOn" label={t('recv.p.receivedOn')} notAfterToday rules={[rules.requiredChoice]} style={half} testId="payment-receivedOn" />
        <Form.Item name="amount" label={t('recv.p.amount')} rules={[rules.requiredChoice, withinOutstanding]} style={half}>
          <YuanInput data-testid="payment-amount" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="method" label={t('recv.p.method')} style={half}>
          <Select<PaymentMethod> options={paymentMethods.map((m) => ({ value: m, label: t(`recv.method.${m}`) }))} data-testid="payment-method" />
        </Form.Item>
        <Form.Item name="reference" label={t('recv.p.reference')} extra={t('recv.p.referenceHint')} rules={[rules.max(limit('reference'))]} style={half}>
          <Input maxLength={limit('reference')} autoComplete="off" data-testid="payment-reference" />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('recv.p.note')} rules={[rules.max(limit('note'))]}>
        <Input.TextArea rows={3} maxLength={limit('note')} />
      </Form.Item>
    </DrawerForm>
  );
}

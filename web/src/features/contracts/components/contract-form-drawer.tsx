import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Radio, Select, Typography, type FormInstance } from 'antd';
import { contractContactRoles, contractKinds, contractUpdate, maxLengthOf, type Contract } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type CSSProperties } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { toNamePath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { formatMoney } from '../../../shared/format/format';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { QuoteLinesEditor, type LineValues } from '../../quotes';
import { contractKeys, useContactChoices, useCustomerChoices, useDealChoices, useSaveContract } from '../api';
import { contractToValues, createPayload, previewAmount, updatePayload, type ContractFormValues } from './contract-form-model';

const limit = (field: string) => maxLengthOf(contractUpdate, field);
const half = { flex: '1 1 220px', minWidth: 0 };
const third = { flex: '1 1 160px', minWidth: 0 };

const labels: Record<string, MessageKey> = {
  kind: 'contract.f.kind',
  customerId: 'contract.f.customer',
  opportunityId: 'contract.f.opportunity',
  title: 'contract.f.title',
  signedOn: 'contract.f.signedOn',
  startsOn: 'contract.f.startsOn',
  endsOn: 'contract.f.endsOn',
  amount: 'contract.f.amount',
  lines: 'contract.f.lines',
  contacts: 'contract.f.contacts',
  notes: 'contract.f.notes',
};

interface ContractFormDrawerProps {
  open: boolean;
  contract?: Contract;
  /** Opened from a customer page: the customer is set and fixed. */
  customer?: { id: number; name: string };
  /** Opened from a deal page: the contract is for this deal. */
  opportunity?: { id: number; name: string };
  onClose: () => void;
  onSaved?: (contract: Contract) => void;
}

/** New contract or order, and edit of a draft: customer and deal, dates, lines (or an amount), contacts, terms. */
export function ContractFormDrawer({ open, contract, customer, opportunity, onClose, onSaved }: ContractFormDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<ContractFormValues> open={open} onClose={onClose} title={contract ? t('contract.editTitle') : t('contract.create')} width={880} testId="contract-drawer">
      {(form) => <ContractForm form={form} contract={contract} customer={customer} opportunity={opportunity} onClose={onClose} onSaved={onSaved} />}
    </FormDrawer>
  );
}

function CustomerPicker({ id, value, onChange, initial, disabled }: { id?: string; value?: number; onChange?: (v: number | undefined) => void; initial?: { id: number; name: string }; disabled: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const search = useCustomerChoices(q);
  const found = (search.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.archiveNo})` }));
  const options = initial && !found.some((o) => o.value === initial.id) ? [{ value: initial.id, label: initial.name }, ...found] : found;
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      disabled={disabled}
      placeholder={t('contract.chooseCustomer')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={options}
      data-testid="contract-customer"
    />
  );
}

/** A date field kept as YYYY-MM-DD. */
function DateItem({ name, label, style }: { name: keyof ContractFormValues; label: string; style: CSSProperties }) {
  return (
    <Form.Item
      name={name}
      label={label}
      style={style}
      getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
      normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
    >
      <DatePicker style={{ width: '100%' }} data-testid={`contract-${name}`} />
    </Form.Item>
  );
}

function ContractForm({ form, contract, customer, opportunity, onClose, onSaved }: Omit<ContractFormDrawerProps, 'open'> & { form: FormInstance<ContractFormValues> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const rules = useFormRules();
  const queryClient = useQueryClient();
  const save = useSaveContract();
  const [editing, setEditing] = useState<Contract | undefined>(contract);
  const problems = useSaveProblems<Contract, ContractFormValues>(form, toNamePath);
  useFocusOnOpen(form, 'title');

  const initialValues = useMemo<ContractFormValues>(
    () =>
      editing
        ? contractToValues(editing)
        : {
            kind: 'contract',
            customerId: customer?.id,
            opportunityId: opportunity?.id ?? null,
            title: opportunity?.name ?? '',
            signedOn: null,
            startsOn: null,
            endsOn: null,
            amount: null,
            lines: [],
            contacts: [],
            notes: '',
          },
    [editing, customer, opportunity],
  );
  const customerId = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const lines = (Form.useWatch('lines', form) ?? initialValues.lines) as LineValues[];
  const amount = (Form.useWatch('amount', form) ?? initialValues.amount) as number | null;
  const deals = useDealChoices(customerId, can('opportunities.view'));
  const contacts = useContactChoices(customerId, can('contacts.view'));
  const withLines = lines.length > 0;

  const submit = () => {
    const values = form.getFieldsValue(true) as ContractFormValues;
    problems.clear();
    const body = editing ? updatePayload(values, editing.version) : createPayload(values);
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: (saved) => {
          void message.success(t(editing ? 'contract.saved' : 'contract.created', { number: saved.number }));
          onSaved?.(saved);
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  const reloadCurrent = () => {
    if (!problems.conflict) return;
    queryClient.setQueryData(contractKeys.detail(problems.conflict.id), problems.conflict);
    setEditing(problems.conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(contractToValues(problems.conflict));
  };

  const labelFor = (path: string) => {
    const key = labels[path.split('.')[0] ?? ''];
    return key ? t(key) : path;
  };

  const contactOptions = [
    ...(editing?.contacts ?? []).filter((k) => !(contacts.data?.items ?? []).some((c) => c.id === k.contactId)).map((k) => ({ value: k.contactId, label: k.name })),
    ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name })),
  ];

  return (
    <DrawerForm<ContractFormValues>
      form={form}
      name="contract_form"
      initialValues={initialValues}
      onValuesChange={(changed) => {
        if ('customerId' in changed) {
          form.setFieldValue('opportunityId', null);
          form.setFieldValue('contacts', []);
        }
      }}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reloadCurrent} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      saving={save.isPending}
      saveTestId="contract-save"
      onCancel={onClose}
    >
      <Form.Item name="kind" label={t('contract.f.kind')}>
        <Radio.Group optionType="button" options={contractKinds.map((k) => ({ value: k, label: t(`contract.kind.${k}`) }))} data-testid="contract-kind" />
      </Form.Item>
      <Form.Item name="title" label={t('contract.f.title')} rules={[rules.required, rules.max(limit('title'))]}>
        <Input maxLength={limit('title')} autoComplete="off" data-testid="contract-title" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="customerId" label={t('contract.f.customer')} rules={[rules.requiredChoice]} style={half}>
          <CustomerPicker initial={editing ? { id: editing.customerId, name: editing.customerName } : customer} disabled={Boolean(editing) || Boolean(customer)} />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('contract.f.opportunity')} style={half}>
          <Select<number | null>
            allowClear
            placeholder={t('contract.noOpportunity')}
            loading={deals.isFetching}
            options={[
              ...(editing?.opportunityId && !(deals.data?.items ?? []).some((d) => d.id === editing.opportunityId)
                ? [{ value: editing.opportunityId, label: editing.opportunityName ?? String(editing.opportunityId) }]
                : []),
              ...(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
            data-testid="contract-opportunity"
          />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <DateItem name="signedOn" label={t('contract.f.signedOn')} style={third} />
        <DateItem name="startsOn" label={t('contract.f.startsOn')} style={third} />
        <DateItem name="endsOn" label={t('contract.f.endsOn')} style={third} />
      </Flex>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('contract.f.lines')}
      </Typography.Title>
      <QuoteLinesEditor form={form} customerId={customerId} lines={lines} saved={editing?.lines} testIdPrefix="contract" preview={withLines} />
      {withLines ? null : (
        <Form.Item name="amount" label={t('contract.f.amount')} extra={t('contract.amountHint')} rules={[rules.requiredChoice]} style={{ maxWidth: 280 }}>
          <YuanInput data-testid="contract-amount" />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" data-testid="contract-amount-preview">
        {t('contract.f.amount')}: <strong>{formatMoney(previewAmount({ lines, amount }), 'CNY', locale)}</strong>
      </Typography.Paragraph>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('contract.f.contacts')}
      </Typography.Title>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="end" data-testid="contract-contact">
                <Form.Item name={[name, 'contactId']} label={t('contract.contact')} rules={[rules.requiredChoice]} style={{ ...half, marginBottom: 0 }}>
                  <Select<number> showSearch={{ optionFilterProp: 'label' }} options={contactOptions} loading={contacts.isFetching} aria-label={t('contract.contact')} />
                </Form.Item>
                <Form.Item name={[name, 'role']} label={t('contract.contactRole')} style={{ ...third, marginBottom: 0 }}>
                  <Select options={contractContactRoles.map((r) => ({ value: r, label: t(`contract.role.${r}`) }))} aria-label={t('contract.contactRole')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.delete')} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ role: 'signatory' })} style={{ alignSelf: 'flex-start' }} disabled={customerId === undefined} data-testid="contract-add-contact">
              {t('contract.addContact')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Form.Item name="notes" label={t('contract.f.notes')} rules={[rules.max(limit('notes'))]}>
        <Input.TextArea rows={4} maxLength={limit('notes')} />
      </Form.Item>
    </DrawerForm>
  );
}

import { App, DatePicker, Flex, Form, Input, Select, Typography, type FormInstance } from 'antd';
import { maxLengthOf, quoteUpdate, type Quote } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { toNamePath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { quoteKeys, useCustomerChoices, useDealChoices, useSaveQuote } from '../api';
import { createPayload, quoteToValues, updatePayload, type LineValues, type QuoteFormValues } from './quote-form-model';
import { QuoteLinesEditor } from './quote-lines-editor';

const limit = (field: string) => maxLengthOf(quoteUpdate, field);
const half = { flex: '1 1 220px', minWidth: 0 };

const labels: Record<string, MessageKey> = {
  customerId: 'quote.f.customer',
  opportunityId: 'quote.f.opportunity',
  title: 'quote.f.title',
  validUntil: 'quote.f.validUntil',
  terms: 'quote.f.terms',
  lines: 'quote.f.lines',
};

interface QuoteFormDrawerProps {
  open: boolean;
  quote?: Quote;
  /** Opened from a customer page: the customer is set and fixed. */
  customer?: { id: number; name: string };
  /** Opened from a deal page: the quote is for this deal. */
  opportunity?: { id: number; name: string };
  onClose: () => void;
  onSaved?: (quote: Quote) => void;
}

/** New quote and edit: customer and deal, validity, terms and the lines; the totals preview uses the server's rounding. */
export function QuoteFormDrawer({ open, quote, customer, opportunity, onClose, onSaved }: QuoteFormDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<QuoteFormValues> open={open} onClose={onClose} title={quote ? t('quote.editTitle') : t('quote.create')} width={860} testId="quote-drawer">
      {(form) => <QuoteForm form={form} quote={quote} customer={customer} opportunity={opportunity} onClose={onClose} onSaved={onSaved} />}
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
      placeholder={t('quote.chooseCustomer')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={options}
      data-testid="quote-customer"
    />
  );
}

function QuoteForm({ form, quote, customer, opportunity, onClose, onSaved }: Omit<QuoteFormDrawerProps, 'open'> & { form: FormInstance<QuoteFormValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const rules = useFormRules();
  const queryClient = useQueryClient();
  const save = useSaveQuote();
  const [editing, setEditing] = useState<Quote | undefined>(quote);
  const problems = useSaveProblems<Quote, QuoteFormValues>(form, toNamePath);
  useFocusOnOpen(form, 'title');

  const initialValues = useMemo<QuoteFormValues>(
    () =>
      editing
        ? quoteToValues(editing)
        : { customerId: customer?.id, opportunityId: opportunity?.id ?? null, title: opportunity?.name ?? '', validUntil: dayjs().add(30, 'day').format('YYYY-MM-DD'), terms: '', lines: [] },
    [editing, customer, opportunity],
  );
  const customerId = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const lines = (Form.useWatch('lines', form) ?? initialValues.lines) as LineValues[];
  const deals = useDealChoices(customerId, can('opportunities.view'));

  const submit = () => {
    const values = form.getFieldsValue(true) as QuoteFormValues;
    problems.clear();
    const body = editing ? updatePayload(values, editing.version) : createPayload(values);
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: (saved) => {
          void message.success(t(editing ? 'quote.saved' : 'quote.created', { number: saved.number }));
          onSaved?.(saved);
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  const reloadCurrent = () => {
    if (!problems.conflict) return;
    queryClient.setQueryData(quoteKeys.detail(problems.conflict.id), problems.conflict);
    setEditing(problems.conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(quoteToValues(problems.conflict));
  };

  const labelFor = (path: string) => {
    const key = labels[path.split('.')[0] ?? ''];
    return key ? t(key) : path;
  };
  return (
    <DrawerForm<QuoteFormValues>
      form={form}
      name="quote_form"
      initialValues={initialValues}
      onValuesChange={(changed) => {
        if ('customerId' in changed) form.setFieldValue('opportunityId', null);
      }}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reloadCurrent} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      saving={save.isPending}
      saveTestId="quote-save"
      onCancel={onClose}
    >
      <Form.Item name="title" label={t('quote.f.title')} rules={[rules.required, rules.max(limit('title'))]}>
        <Input maxLength={limit('title')} autoComplete="off" data-testid="quote-title" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="customerId" label={t('quote.f.customer')} rules={[rules.requiredChoice]} style={half}>
          <CustomerPicker initial={editing ? { id: editing.customerId, name: editing.customerName } : customer} disabled={Boolean(editing) || Boolean(customer)} />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('quote.f.opportunity')} style={half}>
          <Select<number | null>
            allowClear
            placeholder={t('quote.noOpportunity')}
            loading={deals.isFetching}
            options={[
              ...(editing?.opportunityId && !(deals.data?.items ?? []).some((d) => d.id === editing.opportunityId)
                ? [{ value: editing.opportunityId, label: editing.opportunityName ?? String(editing.opportunityId) }]
                : []),
              ...(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
            data-testid="quote-opportunity"
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="validUntil"
        label={t('quote.f.validUntil')}
        rules={[rules.requiredChoice]}
        getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
        normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
      >
        <DatePicker style={{ width: '100%', maxWidth: 240 }} data-testid="quote-valid-until" />
      </Form.Item>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('quote.f.lines')}
      </Typography.Title>
      <QuoteLinesEditor form={form} customerId={customerId} lines={lines} saved={editing?.lines} />
      <Form.Item name="terms" label={t('quote.f.terms')} rules={[rules.max(limit('terms'))]}>
        <Input.TextArea rows={4} maxLength={limit('terms')} />
      </Form.Item>
    </DrawerForm>
  );
}

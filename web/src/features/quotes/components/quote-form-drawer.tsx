import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { fenToYuan, maxLengthOf, quoteUpdate, type Quote } from '@crm/contracts';
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
import { YuanInput } from '../../../shared/form/yuan-input';
import { formatMoney } from '../../../shared/format/format';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { fetchProductPrice, ProductSelect } from '../../products';
import { quoteKeys, useCustomerChoices, useDealChoices, useSaveQuote } from '../api';
import { createPayload, previewTotals, quoteToValues, updatePayload, type LineValues, type QuoteFormValues } from './quote-form-model';

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
  const { t, locale } = useI18n();
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
  const totals = previewTotals(lines);

  /** A product picked: the price this customer gets (and the product's tax rate) fill the line. */
  const pickProduct = (row: number, productId: number | undefined) => {
    if (productId === undefined || customerId === undefined) return;
    void fetchProductPrice(productId, customerId).then((price) => {
      const yuan = fenToYuan(price.price);
      form.setFieldValue(['lines', row, 'unitPrice'], yuan);
      form.setFieldValue(['lines', row, 'suggested'], yuan);
      form.setFieldValue(['lines', row, 'taxRate'], price.taxRate);
    });
  };

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
  const productOf = (row: number) => {
    const line = editing?.lines[row];
    const productId: unknown = form.getFieldValue(['lines', row, 'productId']);
    return line && line.productId === productId ? { id: line.productId, code: line.productCode, name: line.productName } : undefined;
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
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.length === 0 ? <Typography.Text type="secondary">{t('quote.noLines')}</Typography.Text> : null}
            {fields.map(({ key, name }) => (
              <Card size="small" key={key} data-testid="quote-line">
                <Flex gap={8} wrap align="end">
                  <Form.Item name={[name, 'productId']} label={t('quote.line.product')} rules={[rules.requiredChoice]} style={{ flex: '3 1 260px', minWidth: 0, marginBottom: 0 }}>
                    <ProductSelect initial={productOf(name)} onChange={(productId) => pickProduct(name, productId)} aria-label={t('quote.line.product')} />
                  </Form.Item>
                  <Form.Item name={[name, 'quantity']} label={t('quote.line.quantity')} rules={[rules.requiredChoice]} style={{ flex: '1 1 100px', marginBottom: 0 }}>
                    <InputNumber<number> min={0.001} max={1e9} precision={3} style={{ width: '100%' }} data-testid="quote-line-quantity" />
                  </Form.Item>
                  <Form.Item name={[name, 'unitPrice']} label={t('quote.line.unitPrice')} tooltip={t('quote.line.unitPriceHint')} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <YuanInput data-testid="quote-line-price" />
                  </Form.Item>
                  <Form.Item name={[name, 'discountPercent']} label={t('quote.line.discount')} style={{ flex: '1 1 90px', marginBottom: 0 }}>
                    <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid="quote-line-discount" />
                  </Form.Item>
                  <Form.Item name={[name, 'taxRate']} label={t('quote.line.taxRate')} style={{ flex: '1 1 90px', marginBottom: 0 }}>
                    <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.delete')} />
                </Flex>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ quantity: 1, unitPrice: null, discountPercent: 0, taxRate: null } satisfies LineValues)}
              style={{ alignSelf: 'flex-start' }}
              data-testid="quote-add-line"
            >
              {t('quote.addLine')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 8, maxWidth: 420, marginInlineStart: 'auto' }} data-testid="quote-preview">
        <Descriptions.Item label={t('quote.f.subtotal')}>{formatMoney(totals.subtotal, 'CNY', locale)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.f.taxTotal')}>{formatMoney(totals.taxTotal, 'CNY', locale)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.f.total')}>
          <strong>{formatMoney(totals.total, 'CNY', locale)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('quote.roundingNote')}
      </Typography.Paragraph>
      <Form.Item name="terms" label={t('quote.f.terms')} rules={[rules.max(limit('terms'))]}>
        <Input.TextArea rows={4} maxLength={limit('terms')} />
      </Form.Item>
    </DrawerForm>
  );
}

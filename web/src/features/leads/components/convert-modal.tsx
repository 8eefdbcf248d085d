import { Alert, App, Checkbox, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { leadConvert, maxLengthOf, type CustomerKind, type Lead, type LeadConvert } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors, toNamePath } from '../../../shared/form/server-errors';
import { yuanToFen } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { useConvertLead } from '../api';
import { CustomerSelect } from './customer-select';
import { YuanInput } from '../../../shared/form/yuan-input';

const limit = (...path: string[]) => maxLengthOf(leadConvert, ...path);

const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;
const currencySymbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: '¥', GBP: '£' };

interface ConvertValues {
  customer: { mode: 'new' | 'existing'; name?: string; kind?: CustomerKind; customerId?: number | null };
  createContact: boolean;
  withOpportunity: boolean;
  opportunity: { name?: string; amount?: number | null; currency: string; expectedCloseDate?: Dayjs | null };
}

/** The customer a new one is named after: the company for an organisation, else the person. */
function defaultName(lead: Lead, kind: CustomerKind): string {
  return kind === 'organization' ? (lead.company ?? lead.name) : lead.name;
}

/** A person customer is its own contact: a separate contact is only the default for organisations. */
function defaultCreateContact(mode: 'new' | 'existing', kind: CustomerKind | undefined): boolean {
  return mode === 'existing' || kind !== 'person';
}

function toRequest(values: ConvertValues, version: number): LeadConvert {
  const c = values.customer;
  const o = values.opportunity;
  return {
    version,
    customer:
      c.mode === 'existing'
        ? { mode: 'existing', customerId: c.customerId ?? 0 }
        : { mode: 'new', ...(c.name?.trim() ? { name: c.name.trim() } : {}), ...(c.kind ? { kind: c.kind } : {}) },
    createContact: values.createContact,
    opportunity: values.withOpportunity
      ? {
          name: (o.name ?? '').trim(),
          amount: yuanToFen(o.amount ?? null) ?? 0,
          currency: o.currency,
          expectedCloseDate: o.expectedCloseDate ? o.expectedCloseDate.format('YYYY-MM-DD') : '',
        }
      : null,
  };
}

function ConvertForm({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const kindOptions = useEnumOptions('kind');
  const convert = useConvertLead(lead.id);
  const [form] = Form.useForm<ConvertValues>();
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  // Once the user sets the contact checkbox, the defaults stop following the customer choice.
  const [contactTouched, setContactTouched] = useState(false);
  const mayCreateCustomer = can('customers.create');
  const initialMode = mayCreateCustomer ? 'new' : 'existing';

  const initialValues: ConvertValues = {
    customer: { mode: initialMode, name: defaultName(lead, lead.kind), kind: lead.kind, customerId: null },
    createContact: defaultCreateContact(initialMode, lead.kind),
    withOpportunity: false,
    opportunity: {
      name: lead.company ?? lead.name,
      amount: null,
      currency: 'CNY',
      expectedCloseDate: dayjs().add(30, 'day'),
    },
  };
  const mode = Form.useWatch(['customer', 'mode'], form) ?? initialMode;
  const withOpportunity = Form.useWatch('withOpportunity', form) ?? false;
  const currency = Form.useWatch(['opportunity', 'currency'], form) ?? 'CNY';

  const onValuesChange = (changed: Partial<ConvertValues>, all: ConvertValues) => {
    if (changed.customer?.kind) {
      // Follow the kind with the default name, unless the user typed their own.
      const previous = changed.customer.kind === 'organization' ? 'person' : 'organization';
      if (!all.customer.name || all.customer.name === defaultName(lead, previous)) {
        form.setFieldValue(['customer', 'name'], defaultName(lead, changed.customer.kind));
      }
    }
    if ((changed.customer?.kind || changed.customer?.mode) && !contactTouched) {
      form.setFieldValue('createContact', defaultCreateContact(all.customer.mode, all.customer.kind));
    }
    if ('createContact' in changed) setContactTouched(true);
  };

  const submit = (values: ConvertValues) => {
    setFailure({ message: null, details: [] });
    convert.mutate(toRequest(values, lead.version), {
      onSuccess: (result) => {
        void message.success(t('lead.convert.done', { name: lead.name }));
        onClose();
        void navigate(`/customers/${result.customerId}`);
      },
      onError: (error) => {
        const details = applyServerErrors(form, error, toNamePath);
        setFailure({ message: errorMessage(error, t), details: isApiError(error) ? details : [] });
      },
    });
  };

  const labelFor = (path: string) => {
    const key = `lead.convert.f.${path}`;
    return isMessageKey(key) ? t(key) : path;
  };

  return (
    <Modal
      open
      title={t('lead.convert.title', { name: lead.name })}
      okText={t('lead.convert.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      okButtonProps={testId('convert-submit')}
      width={isMobile ? '100%' : 640}
      destroyOnHidden
      data-testid="convert-modal"
    >
      <Typography.Paragraph type="secondary">{t('lead.convert.intro')}</Typography.Paragraph>
      {lead.status !== 'qualified' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('lead.convert.notQualified')} />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Form<ConvertValues>
        form={form}
        layout="vertical"
        name="lead_convert"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={submit}
        requiredMark
      >
        <Form.Item name={['customer', 'mode']} label={t('lead.convert.customer')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'new', label: t('lead.convert.newCustomer'), disabled: !mayCreateCustomer },
              { value: 'existing', label: t('lead.convert.existingCustomer') },
            ]}
            data-testid="convert-customer-mode"
          />
        </Form.Item>
        {mode === 'new' ? (
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name={['customer', 'name']}
                label={t('lead.convert.f.customer.name')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: limit('customer', 'name'), message: t('common.tooLong', { max: limit('customer', 'name') }) },
                ]}
              >
                <Input maxLength={limit('customer', 'name')} data-testid="convert-customer-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['customer', 'kind']} label={t('lead.convert.f.customer.kind')}>
                <Select options={kindOptions} data-testid="convert-customer-kind" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item
            name={['customer', 'customerId']}
            label={t('lead.convert.f.customer.customerId')}
            rules={[{ required: true, message: t('lead.convert.chooseCustomer') }]}
          >
            <CustomerSelect data-testid="convert-customer-existing" />
          </Form.Item>
        )}
        <Form.Item name="createContact" valuePropName="checked" extra={t('lead.convert.contactHint')}>
          <Checkbox data-testid="convert-create-contact">{t('lead.convert.createContact')}</Checkbox>
        </Form.Item>
        <Divider style={{ margin: '8px 0 16px' }} />
        <Form.Item name="withOpportunity" valuePropName="checked" label={t('lead.convert.withOpportunity')}>
          <Switch data-testid="convert-with-opportunity" />
        </Form.Item>
        {withOpportunity ? (
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item
                name={['opportunity', 'name']}
                label={t('lead.convert.f.opportunity.name')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: limit('opportunity', 'name'), message: t('common.tooLong', { max: limit('opportunity', 'name') }) },
                ]}
              >
                <Input maxLength={limit('opportunity', 'name')} data-testid="convert-opportunity-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['opportunity', 'amount']}
                label={t('lead.convert.f.opportunity.amount')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <YuanInput symbol={currencySymbols[currency] ?? currency} max={1e13} data-testid="convert-opportunity-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['opportunity', 'currency']} label={t('lead.convert.f.opportunity.currency')}>
                <Select options={currencies.map((c) => ({ value: c, label: c }))} data-testid="convert-opportunity-currency" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['opportunity', 'expectedCloseDate']}
                label={t('lead.convert.f.opportunity.expectedCloseDate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="convert-opportunity-close" />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * Convert a lead (转化) in one step: a customer (new, or an existing one), a contact and
 * optionally an opportunity; then opens the customer.
 */
export function ConvertModal({ open, lead, onClose }: { open: boolean; lead: Lead; onClose: () => void }) {
  return open ? <ConvertForm lead={lead} onClose={onClose} /> : null;
}

import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { maxLengthOf, salesSettingsUpdate, type SalesSettingsState } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors, toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import { ContactGuardSettingsCard } from '../../activities';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useSalesSettings, useSaveSalesSettings } from '../api';
import { commonCurrencies, currencySymbol } from '../components/deal-format';

/** A lost reason's limits, from the shared schema. */
const limit = (field: string) => maxLengthOf(salesSettingsUpdate, 'lostReasons', '[]', field);

interface ReasonValues {
  key: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
  /** Read from the server (its key is fixed); kept in the form's store only, never sent. */
  saved?: boolean;
}

interface SalesValues {
  lostReasons: ReasonValues[];
  bigDealYuan: number | null;
  baseCurrency: string;
  rates: { currency: string; rate: number | null }[];
}

function toValues(state: SalesSettingsState): SalesValues {
  return {
    lostReasons: state.lostReasons.map((r) => ({ ...r, saved: true })),
    bigDealYuan: fenToYuan(state.bigDealAmount),
    baseCurrency: state.baseCurrency,
    rates: Object.entries(state.rates).map(([currency, rate]) => ({ currency, rate })),
  };
}

const sectionLabels: Record<string, MessageKey> = {
  lostReasons: 'sales.lostReasons',
  bigDealAmount: 'sales.bigDealAmount',
  baseCurrency: 'sales.baseCurrency',
  rates: 'sales.rates',
};

const reasonFieldLabels: Record<string, MessageKey> = { key: 'sales.key', labelZh: 'sales.labelZh', labelEn: 'sales.labelEn' };

const keyPattern = /^[a-z][a-z0-9_]*$/;
const currencyPattern = /^[A-Z]{3}$/;

function SalesForm({ state, editable, onReload }: { state: SalesSettingsState; editable: boolean; onReload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<SalesValues>();
  const save = useSaveSalesSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const baseCurrency = Form.useWatch('baseCurrency', form) ?? state.baseCurrency;

  const submit = (values: SalesValues) => {
    setFailure({ message: null, details: [] });
    const rates: Record<string, number> = {};
    for (const row of values.rates) if (row.currency && row.rate !== null) rates[row.currency.trim().toUpperCase()] = row.rate;
    save.mutate(
      {
        lostReasons: values.lostReasons.map((r) => ({ key: r.key.trim(), labelZh: r.labelZh.trim(), labelEn: r.labelEn.trim(), active: r.active })),
        bigDealAmount: yuanToFen(values.bigDealYuan),
        baseCurrency: values.baseCurrency,
        rates,
        version: state.version,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          // The API names a rate by its currency (rates.USD); the form by its row.
          const formPath = (path: string): FieldPath => {
            if (path === 'bigDealAmount') return ['bigDealYuan'];
            const rate = /^rates\.([A-Z]{3})$/.exec(path);
            if (rate) {
              const index = values.rates.findIndex((r) => r.currency.trim().toUpperCase() === rate[1]);
              return index >= 0 ? ['rates', index, 'rate'] : ['rates'];
            }
            return toNamePath(path);
          };
          const details = applyServerErrors(form, error, formPath);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  const labelFor = (path: string) => {
    const [head = '', index, field] = path.split('.');
    const section = sectionLabels[head];
    const label = section ? t(section) : path;
    if (head === 'lostReasons' && index !== undefined) {
      const fieldLabel = field ? reasonFieldLabels[field] : undefined;
      return `${label} #${Number(index) + 1}${fieldLabel ? ` · ${t(fieldLabel)}` : ''}`;
    }
    return index !== undefined ? `${label} · ${index}` : label;
  };

  const reasonRows = (
    <Form.List name="lostReasons">
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const saved = form.getFieldValue(['lostReasons', field.name, 'saved']) === true;
            return (
              <Flex key={field.key} gap={8} wrap align="start" data-testid="lost-reason-row">
                <Flex gap={0} style={{ paddingTop: 4 }}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('pipeline.moveUp')} disabled={index === 0} onClick={() => move(index, index - 1)} />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('pipeline.moveDown')}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                  />
                </Flex>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[rules.required, { pattern: keyPattern, message: t('sales.keyFormat') }, rules.max(limit('key'))]}
                  style={{ flex: '1 1 120px', marginBottom: 8 }}
                >
                  {/* A saved key stays: deals already lost name it. */}
                  <Input placeholder={t('sales.key')} aria-label={t('sales.key')} disabled={saved} maxLength={limit('key')} />
                </Form.Item>
                <Form.Item name={[field.name, 'labelZh']} rules={[rules.required, rules.max(limit('labelZh'))]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                  <Input placeholder={t('sales.labelZh')} aria-label={t('sales.labelZh')} maxLength={limit('labelZh')} />
                </Form.Item>
                <Form.Item name={[field.name, 'labelEn']} rules={[rules.required, rules.max(limit('labelEn'))]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                  <Input placeholder={t('sales.labelEn')} aria-label={t('sales.labelEn')} maxLength={limit('labelEn')} />
                </Form.Item>
                <Form.Item name={[field.name, 'active']} valuePropName="checked" style={{ marginBottom: 8, paddingTop: 4 }}>
                  <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} aria-label={t('common.active')} />
                </Form.Item>
                {saved ? null : (
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                )}
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
          {editable ? (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= 100}
              onClick={() => add({ key: '', labelZh: '', labelEn: '', active: true })}
              style={{ alignSelf: 'flex-start' }}
              data-testid="lost-reason-add"
            >
              {t('sales.addReason')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );

  const rateRows = (
    <Form.List name="rates">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" wrap data-testid="rate-row">
              <Form.Item
                name={[field.name, 'currency']}
                rules={[rules.required, { pattern: currencyPattern, message: t('sales.currencyFormat') }]}
                normalize={(value: string) => value.toUpperCase()}
                style={{ width: 110, marginBottom: 8 }}
              >
                {/* eslint-disable-next-line no-restricted-syntax -- ISO 4217: three letters, a pattern in the contract rather than a length */}
                <Input placeholder="USD" aria-label={t('opp.f.currency')} maxLength={3} />
              </Form.Item>
              <Typography.Text style={{ paddingTop: 5 }}>=</Typography.Text>
              <Form.Item name={[field.name, 'rate']} rules={[rules.requiredChoice]} style={{ width: 180, marginBottom: 8 }}>
                <InputNumber<number> min={0.000001} max={1e6} step={0.01} suffix={baseCurrency} aria-label={t('sales.rate')} style={{ width: '100%' }} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          {editable ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ currency: '', rate: null })} style={{ alignSelf: 'flex-start' }} data-testid="rate-add">
              {t('sales.addRate')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );

  return (
    <Card>
      {stale ? (
        <StaleSettingsAlert
          onReload={() => {
            setStale(false);
            onReload();
          }}
        />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Form<SalesValues> form={form} name="sales_settings" layout="vertical" initialValues={toValues(state)} onFinish={submit} disabled={!editable}>
        <Typography.Title level={5}>{t('sales.lostReasons')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('sales.lostReasonsHint')}</Typography.Paragraph>
        {reasonRows}
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('sales.bigDeal')}
        </Typography.Title>
        <Form.Item name="bigDealYuan" label={t('sales.bigDealAmount')} extra={t('sales.bigDealHint')}>
          <InputNumber<number>
            min={0.01}
            max={1e13}
            precision={2}
            prefix={currencySymbol(baseCurrency)}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="big-deal-amount"
          />
        </Form.Item>
        <Typography.Title level={5}>{t('sales.currencies')}</Typography.Title>
        <Form.Item name="baseCurrency" label={t('sales.baseCurrency')} extra={t('sales.baseCurrencyHint')} rules={[rules.requiredChoice]}>
          <Select
            showSearch
            options={[...new Set([state.baseCurrency, ...commonCurrencies])].map((c) => ({ value: c, label: `${c} ${currencySymbol(c)}` }))}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="base-currency"
          />
        </Form.Item>
        <Form.Item label={t('sales.rates')} extra={t('sales.ratesHint', { base: baseCurrency })}>
          {rateRows}
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sales-settings-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

/** 销售设置: lost reasons, the big-deal alert amount, the base currency and exchange rates. */
export function SalesSettingsPage() {
  return (
    <SettingsPage
      title="sales.title"
      subTitle="sales.subtitle"
      query={useSalesSettings()}
      skeletonRows={10}
      renderForm={(props) => (
        <Flex vertical gap={16}>
          <SalesForm {...props} />
          <ContactGuardSettingsCard editable={props.editable} />
        </Flex>
      )}
    />
  );
}

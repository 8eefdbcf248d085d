import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Typography } from 'antd';
import { creditFactorKeys, creditRatings, type CreditPolicy, type CreditRating, type CreditSettings } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { YuanInput } from '../../../shared/form/yuan-input';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useCreditSettings, useSaveCreditSettings } from '../api';

/** The form's values: credit limits in yuan (the API takes fen). */
type Values = Omit<CreditSettings, 'version' | 'policies'> & { policies: Record<CreditRating, Omit<CreditPolicy, 'creditLimit'> & { creditLimit: number | null }> };

function toValues(s: CreditSettings): Values {
  const policies = Object.fromEntries(creditRatings.map((r) => [r, { ...s.policies[r], creditLimit: fenToYuan(s.policies[r].creditLimit) }])) as Values['policies'];
  return { weights: s.weights, thresholds: s.thresholds, policies };
}

function labelOf(t: (key: MessageKey) => string, path: string): string {
  const [part, key] = path.split('.');
  if (part === 'weights') return key ? t(`creditRating.factor.${key}` as MessageKey) : t('settings.credit.weights');
  if (part === 'thresholds') return t('settings.credit.thresholds');
  if (part === 'policies') return t('settings.credit.policies');
  return path;
}

function CreditSettingsForm({ state, editable, onReload }: { state: CreditSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCreditSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const weights = Form.useWatch('weights', form) ?? state.weights;
  const sum = creditFactorKeys.reduce((s, k) => s + (Number(weights[k]) || 0), 0);

  const submit = (v: Values) => {
    setFailure({ message: null, details: [] });
    const policies = Object.fromEntries(creditRatings.map((r) => [r, { ...v.policies[r], creditLimit: yuanToFen(v.policies[r].creditLimit) ?? 0 }])) as CreditSettings['policies'];
    save.mutate(
      { weights: v.weights, thresholds: v.thresholds, policies, version: state.version },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) return setStale(true);
          setFailure({ message: errorMessage(error, t), details: applyServerErrors(form, error) });
        },
      },
    );
  };

  return (
    <Card>
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={(path) => labelOf(t, path)} />
      <Form<Values> form={form} name="credit_settings" layout="vertical" initialValues={toValues(state)} onFinish={submit} disabled={!editable} style={{ maxWidth: 820 }}>
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('settings.credit.weights')}</Typography.Title>
        <Flex gap={12} wrap>
          {creditFactorKeys.map((k) => (
            <Form.Item key={k} name={['weights', k]} label={t(`creditRating.factor.${k}` as MessageKey)} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid={`credit-weight-${k}`} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'} data-testid="credit-weight-sum">{t('settings.credit.weightsSum', { sum })}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('settings.credit.thresholds')}</Typography.Title>
        <Flex gap={12} wrap>
          {(['a', 'b', 'c'] as const).map((k) => (
            <Form.Item key={k} name={['thresholds', k]} label={t(`settings.credit.threshold${k.toUpperCase()}` as MessageKey)} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <InputNumber<number> min={1} max={100} precision={0} style={{ width: '100%' }} data-testid={`credit-threshold-${k}`} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary">{t('settings.credit.belowC')}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('settings.credit.policies')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('creditRating.mapping')}</Typography.Paragraph>
        {creditRatings.map((r) => (
          <Flex key={r} gap={12} wrap align="end" style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ width: 48 }}>{t('creditRating.ratingLabel', { rating: r })}</Typography.Text>
            <Form.Item name={['policies', r, 'creditLimit']} label={t('creditRating.creditLimit')} style={{ flex: '1 1 200px', marginBottom: 8 }}>
              <YuanInput data-testid={`credit-policy-${r}-limit`} />
            </Form.Item>
            <Form.Item name={['policies', r, 'paymentTermsDays']} label={t('settings.credit.paymentTermsDays')} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name={['policies', r, 'prepaymentRequired']} label={t('creditRating.prepayment')} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('creditRating.prepaymentRequired')}</Checkbox>
            </Form.Item>
          </Flex>
        ))}
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="credit-settings-save">{t('common.save')}</Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

/** 信用评级设置: the six weights, the rating thresholds and each rating's credit policy. */
export function CreditSettingsPage() {
  return <SettingsPage title="settings.credit.title" subTitle="settings.credit.subtitle" query={useCreditSettings()} renderForm={(props) => <CreditSettingsForm {...props} />} />;
}

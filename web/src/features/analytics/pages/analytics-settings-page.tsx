import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { abcBases, maxLengthOf, policyClasses, servicePolicySetting, serviceTiers, type AnalyticsSettings, type PolicyClass } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { YuanInput } from '../../../shared/form/yuan-input';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import { usePermissions } from '../../auth';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useAnalyticsSettings, useSaveAnalyticsSettings } from '../api';

type Settings = Omit<AnalyticsSettings, 'version'>;
type NumberKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
/** The money settings: yuan on the form, fen in the API. */
const moneyKeys = ['acquisitionCost', 'retentionCostPerYear', 'referralValue'] as const satisfies readonly NumberKey[];
type Values = Settings;

/** The numeric fields by section, each with its bounds (the contract's). */
const sections: Array<{ title: MessageKey; fields: Array<[NumberKey, number, number]> }> = [
  { title: 'analytics.settings.abc', fields: [['abcAPercent', 1, 99], ['abcBPercent', 1, 99]] },
  { title: 'analytics.settings.valueClasses', fields: [['keyTopPercent', 1, 99], ['majorTopPercent', 1, 99], ['maintenanceTopPercent', 1, 99]] },
  {
    title: 'analytics.settings.rfm',
    fields: [
      ['rfmWindowMonths', 1, 120], ['defaultMarginPercent', 0, 100], ['discountRatePercent', 0, 100], ['horizonYears', 1, 50],
      ['acquisitionCost', 0, 1e10], ['retentionCostPerYear', 0, 1e10], ['churnFactor', 1, 20], ['spendDropPercent', 1, 99],
      ['lostAfterDays', 30, 3650], ['loyalMinPurchases', 2, 1000], ['stabilityMinMonths', 1, 120],
    ],
  },
  { title: 'analytics.settings.potential', fields: [['potentialMinPeers', 1, 1000], ['referralValue', 0, 1e10], ['quadrantValueTopPercent', 1, 99], ['quadrantPotentialPercentile', 1, 99]] },
];

const isMoney = (k: string) => (moneyKeys as readonly string[]).includes(k);

function toValues(s: AnalyticsSettings): Values {
  const { version: _version, ...rest } = s;
  const out = { ...rest };
  for (const k of moneyKeys) out[k] = fenToYuan(s[k]) ?? 0;
  return out;
}

function labelOf(t: (key: MessageKey) => string, path: string): string {
  const [first, cls] = path.split('.');
  if (first === 'servicePolicies') return `${t('analytics.settings.policies')} ${cls ?? ''}`.trim();
  return t(`analytics.setting.${first}` as MessageKey);
}

function policyLabel(t: (key: MessageKey) => string, c: PolicyClass): string {
  return c === 'A' || c === 'B' || c === 'C' ? `ABC ${c}` : t(`analytics.value.${c}` as MessageKey);
}

function AnalyticsSettingsForm({ state, onReload }: { state: AnalyticsSettings; onReload: () => void }) {
  const t = useT();
  const { can } = usePermissions();
  const editable = can('analytics.manage');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveAnalyticsSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });

  const submit = (v: Values) => {
    setFailure({ message: null, details: [] });
    const body = { ...v, version: state.version };
    for (const k of moneyKeys) body[k] = yuanToFen(v[k]) ?? 0;
    save.mutate(body, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => {
        if (isApiError(error) && error.status === 409) return setStale(true);
        setFailure({ message: errorMessage(error, t), details: applyServerErrors(form, error) });
      },
    });
  };
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Card>
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={(path) => labelOf(t, path)} />
      <Form<Values> form={form} name="analytics_settings" layout="vertical" initialValues={toValues(state)} onFinish={submit} disabled={!editable} style={{ maxWidth: 900 }}>
        {sections.map((section) => (
          <div key={section.title}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>{t(section.title)}</Typography.Title>
            <Flex gap={12} wrap>
              {section.title === 'analytics.settings.abc' ? (
                <Form.Item name="abcBasis" label={t('analytics.setting.abcBasis')} rules={required} style={{ flex: '1 1 200px', marginBottom: 8 }}>
                  <Select options={abcBases.map((b) => ({ value: b, label: t(`analytics.settings.basis.${b}`) }))} />
                </Form.Item>
              ) : null}
              {section.fields.map(([key, min, max]) => (
                <Form.Item key={key} name={key} label={t(`analytics.setting.${key}` as MessageKey)} rules={required} style={{ flex: '1 1 200px', marginBottom: 8 }}>
                  {isMoney(key) ? <YuanInput data-testid={`analytics-setting-${key}`} /> : <InputNumber<number> min={min} max={max} precision={0} style={{ width: '100%' }} data-testid={`analytics-setting-${key}`} />}
                </Form.Item>
              ))}
            </Flex>
          </div>
        ))}
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('analytics.settings.policies')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('analytics.settings.policiesHint')}</Typography.Paragraph>
        {policyClasses.map((c) => (
          <Flex key={c} gap={12} wrap align="end" style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ width: 96 }}>{policyLabel(t, c)}</Typography.Text>
            <Form.Item name={['servicePolicies', c, 'tier']} label={t('analytics.settings.tier')} rules={required} style={{ flex: '0 1 140px', marginBottom: 8 }}>
              <Select options={serviceTiers.map((tier) => ({ value: tier, label: t(`analytics.tier.${tier}`) }))} aria-label={`${policyLabel(t, c)} ${t('analytics.settings.tier')}`} />
            </Form.Item>
            <Form.Item name={['servicePolicies', c, 'text']} label={t('analytics.settings.text')} style={{ flex: '1 1 280px', marginBottom: 8 }}>
              <Input maxLength={maxLengthOf(servicePolicySetting, 'text')} aria-label={`${policyLabel(t, c)} ${t('analytics.settings.text')}`} data-testid={`analytics-policy-${c}`} />
            </Form.Item>
          </Flex>
        ))}
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="analytics-settings-save">{t('common.save')}</Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

/** 客户分析设置: the thresholds of every analysis and each class's service policy; analytics.manage edits. */
export function AnalyticsSettingsPage() {
  return <SettingsPage title="analytics.settings.title" subTitle="analytics.settings.subtitle" query={useAnalyticsSettings()} renderForm={(props) => <AnalyticsSettingsForm state={props.state} onReload={props.onReload} />} />;
}

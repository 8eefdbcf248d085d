import { App, Button, Card, Flex, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import {
  contractNumberingUpdate,
  formatContractNumber,
  maxLengthOf,
  parseContractNumberPattern,
  type ContractNumbering,
  type ContractRenewalSettings,
} from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useContractNumbering, useRenewalSettings, useSaveContractNumbering, useSaveRenewalSettings } from '../api';

const patternMax = maxLengthOf(contractNumberingUpdate, 'pattern');

/** What the pattern gives today (sequence 123), or what is wrong with it, as the server will say. */
function usePreview(pattern: string): { example: string | null; problem: string | null } {
  const t = useT();
  const parsed = parseContractNumberPattern(pattern.trim());
  if ('error' in parsed) {
    const key = `contract.pattern.${parsed.error}`;
    return { example: null, problem: isMessageKey(key) ? t(key) : parsed.error };
  }
  const now = new Date();
  return { example: formatContractNumber(parsed.parts, { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }, 123), problem: null };
}

function useSettingsSave<V>(form: FormInstance<V>) {
  const t = useT();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 409) {
      setStale(true);
      return;
    }
    setFailure({ message: errorMessage(error, t), details: applyServerErrors(form, error) });
  };
  return { stale, setStale, failure, clear: () => setFailure({ message: null, details: [] }), onError };
}

function NumberingForm({ state, editable, onReload }: { state: ContractNumbering; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pattern: string }>();
  const save = useSaveContractNumbering();
  const problems = useSettingsSave(form);
  const pattern = Form.useWatch('pattern', form) ?? state.pattern;
  const preview = usePreview(pattern);

  const submit = (values: { pattern: string }) => {
    problems.clear();
    save.mutate({ pattern: values.pattern, version: state.version }, { onSuccess: () => void message.success(t('common.saved')), onError: problems.onError });
  };

  return (
    <Card title={t('contract.settings.numbering')}>
      {problems.stale ? <StaleSettingsAlert onReload={() => { problems.setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={problems.failure.message} details={problems.failure.details} labelFor={() => t('contract.settings.pattern')} />
      <Form form={form} name="contract_numbering" layout="vertical" initialValues={{ pattern: state.pattern }} onFinish={submit} disabled={!editable} style={{ maxWidth: 640 }}>
        <Form.Item
          name="pattern"
          label={t('contract.settings.pattern')}
          extra={t('contract.settings.patternHint')}
          rules={[{ required: true, message: t('common.required') }]}
          validateStatus={preview.problem ? 'warning' : undefined}
          help={preview.problem ?? undefined}
        >
          <Input maxLength={patternMax} autoComplete="off" data-testid="contract-pattern" />
        </Form.Item>
        <Typography.Paragraph>
          {t('contract.settings.example')}: <Typography.Text code data-testid="contract-pattern-example">{preview.example ?? '—'}</Typography.Text>
        </Typography.Paragraph>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contract-numbering-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

function RenewalForm({ state, editable, onReload }: { state: ContractRenewalSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: number }>();
  const save = useSaveRenewalSettings();
  const problems = useSettingsSave(form);
  const submit = (values: { days: number }) => {
    problems.clear();
    save.mutate({ days: values.days, version: state.version }, { onSuccess: () => void message.success(t('common.saved')), onError: problems.onError });
  };
  return (
    <Card title={t('contract.settings.renewals')}>
      {problems.stale ? <StaleSettingsAlert onReload={() => { problems.setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={problems.failure.message} details={problems.failure.details} labelFor={() => t('contract.settings.renewalDays')} />
      <Form form={form} name="contract_renewals" layout="vertical" initialValues={{ days: state.days }} onFinish={submit} disabled={!editable} style={{ maxWidth: 640 }}>
        <Form.Item name="days" label={t('contract.settings.renewalDays')} extra={t('contract.settings.renewalHint')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber<number> min={1} max={365} precision={0} suffix={t('common.days')} style={{ width: 160 }} data-testid="contract-renewal-days" />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contract-renewals-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

/** 合同设置: the number pattern and the renewal days. */
export function ContractSettingsPage() {
  const renewals = useRenewalSettings();
  return (
    <SettingsPage
      title="contract.settings.title"
      subTitle="contract.settings.subtitle"
      query={useContractNumbering()}
      skeletonRows={4}
      renderForm={(props) => (
        <Flex vertical gap={16}>
          <NumberingForm {...props} />
          {renewals.data ? (
            <div key={renewals.data.version}>
              <RenewalForm state={renewals.data} editable={props.editable} onReload={() => void renewals.refetch()} />
            </div>
          ) : null}
        </Flex>
      )}
    />
  );
}

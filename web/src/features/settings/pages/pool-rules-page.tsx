import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Switch, Typography } from 'antd';
import type { CustomerStatus, PoolRulesState } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { usePoolRules, useRunPoolRules, useSavePoolRules } from '../api';
import { SettingsPage } from '../components/settings-page';
import { StaleSettingsAlert } from '../components/stale-alert';

interface RulesValues {
  enabled: boolean;
  noFollowUpDays: number | null;
  noDealDays: number | null;
  warnDaysBefore: number | null;
  maxCustomersPerUser: number | null;
  reclaimWaitDays: number | null;
  exemptStatuses: CustomerStatus[];
}

function toValues(state: PoolRulesState): RulesValues {
  const { version: _version, ...values } = state;
  return values;
}

const fieldLabels: Record<string, MessageKey> = {
  enabled: 'settings.pool.enabled',
  noFollowUpDays: 'settings.pool.noFollowUpDays',
  noDealDays: 'settings.pool.noDealDays',
  warnDaysBefore: 'settings.pool.warnDaysBefore',
  maxCustomersPerUser: 'settings.pool.maxCustomersPerUser',
  reclaimWaitDays: 'settings.pool.reclaimWaitDays',
  exemptStatuses: 'settings.pool.exemptStatuses',
};

function RulesForm({ state, editable, onReload }: { state: PoolRulesState; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RulesValues>();
  const save = useSavePoolRules();
  const run = useRunPoolRules();
  const statusOptions = useEnumOptions('status');
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const [lastRun, setLastRun] = useState<{ warned: number; returned: number } | null>(null);
  useFocusOnOpen(form, 'enabled');
  const enabled = Form.useWatch('enabled', form) ?? state.enabled;

  const submit = (values: RulesValues) => {
    setFailure({ message: null, details: [] });
    save.mutate(
      {
        enabled: values.enabled,
        noFollowUpDays: values.noFollowUpDays ?? null,
        noDealDays: values.noDealDays ?? null,
        warnDaysBefore: values.warnDaysBefore ?? 0,
        maxCustomersPerUser: values.maxCustomersPerUser ?? null,
        reclaimWaitDays: values.reclaimWaitDays ?? 0,
        exemptStatuses: values.exemptStatuses,
        version: state.version,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          const details = applyServerErrors(form, error);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  const runNow = () => {
    void modal.confirm({
      title: t('settings.pool.runConfirm'),
      content: t('settings.pool.runText'),
      okText: t('settings.pool.run'),
      okButtonProps: testId('pool-run-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run.mutateAsync().then(
          (result) => {
            setLastRun(result);
            void message.success(t('settings.pool.ran', { warned: result.warned, returned: result.returned }));
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };

  const days = t('settings.days');
  const offHint = t('settings.pool.emptyIsOff');
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
      <FormErrorsAlert
        message={failure.message}
        details={failure.details}
        labelFor={(path) => {
          const key = fieldLabels[path.split('.')[0] ?? ''];
          return key ? t(key) : path;
        }}
      />
      <Form<RulesValues>
        form={form}
        name="pool_rules"
        layout="vertical"
        initialValues={toValues(state)}
        onFinish={submit}
        disabled={!editable}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="enabled" label={t('settings.pool.enabled')} valuePropName="checked" extra={t('settings.pool.enabledHint')}>
          <Switch data-testid="pool-rules-enabled" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="noFollowUpDays" label={t('settings.pool.noFollowUpDays')} extra={offHint} style={{ flex: '1 1 240px' }}>
            <InputNumber min={1} max={3650} precision={0} suffix={days} disabled={!enabled} style={{ width: '100%' }} data-testid="pool-rules-follow-up-days" />
          </Form.Item>
          <Form.Item name="noDealDays" label={t('settings.pool.noDealDays')} extra={offHint} style={{ flex: '1 1 240px' }}>
            <InputNumber min={1} max={3650} precision={0} suffix={days} disabled={!enabled} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="warnDaysBefore" label={t('settings.pool.warnDaysBefore')} extra={t('settings.pool.warnHint')}>
          <InputNumber min={0} max={365} precision={0} suffix={days} disabled={!enabled} style={{ width: 200, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="exemptStatuses" label={t('settings.pool.exemptStatuses')} extra={t('settings.pool.exemptHint')}>
          <Select mode="multiple" allowClear options={statusOptions} disabled={!enabled} />
        </Form.Item>
        <Typography.Title level={5}>{t('settings.pool.claimLimits')}</Typography.Title>
        <Flex gap={16} wrap>
          <Form.Item
            name="maxCustomersPerUser"
            label={t('settings.pool.maxCustomersPerUser')}
            extra={t('settings.pool.noLimitHint')}
            style={{ flex: '1 1 240px' }}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="pool-rules-max" />
          </Form.Item>
          <Form.Item
            name="reclaimWaitDays"
            label={t('settings.pool.reclaimWaitDays')}
            extra={t('settings.pool.reclaimHint')}
            style={{ flex: '1 1 240px' }}
          >
            <InputNumber min={0} max={3650} precision={0} suffix={days} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {editable ? (
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pool-rules-save">
              {t('common.save')}
            </Button>
            <Button icon={<PlayCircleOutlined />} onClick={runNow} loading={run.isPending} data-testid="pool-rules-run">
              {t('settings.pool.run')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
      {lastRun ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('settings.pool.ran', { warned: lastRun.warned, returned: lastRun.returned })}
          data-testid="pool-run-result"
        />
      ) : null}
    </Card>
  );
}

/** 公海规则: when customers go back to the pool, and the claim limits. */
export function PoolRulesPage() {
  return (
    <SettingsPage
      title="settings.pool.title"
      subTitle="settings.pool.subtitle"
      query={usePoolRules()}
      skeletonRows={8}
      renderForm={(props) => <RulesForm {...props} />}
    />
  );
}

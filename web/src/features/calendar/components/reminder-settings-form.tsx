import { App, Button, Card, Flex, Form, InputNumber, Switch, Typography } from 'antd';
import type { ReminderSettings } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { StaleSettingsAlert } from '../../settings';
import { useSaveReminderSettings } from '../api';
import { reminderPayload, reminderValues, yearlyKinds, type ReminderValues } from './reminder-settings-model';

function DaysInput({ name, label, testId, off = false }: { name: keyof ReminderValues; label: string; testId: string; off?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 8 }}>
      <InputNumber<number> min={0} max={60} precision={0} suffix={t('common.days')} disabled={off} style={{ width: 140 }} data-testid={testId} />
    </Form.Item>
  );
}

/** The care reminder settings: each yearly kind on or off with its days ahead, maintenance every N months, renewals as set for contracts. */
export function ReminderSettingsForm({ state, editable, onReload }: { state: ReminderSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReminderValues>();
  const save = useSaveReminderSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  // A kind switched off keeps its days, greyed out, for when it is switched on again.
  const on = { customerBirthday: Form.useWatch('customerBirthdayOn', form), contactBirthday: Form.useWatch('contactBirthdayOn', form), weddingAnniversary: Form.useWatch('weddingAnniversaryOn', form) };
  const submit = (values: ReminderValues) => {
    setFailure({ message: null, details: [] });
    save.mutate(reminderPayload(values, state.version), {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => {
        if (isApiError(error) && error.status === 409) return setStale(true);
        setFailure({ message: errorMessage(error, t), details: applyServerErrors(form, error) });
      },
    });
  };
  return (
    <Card>
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={(path) => path} />
      <Form<ReminderValues> form={form} name="reminder_settings" layout="vertical" initialValues={reminderValues(state)} onFinish={submit} disabled={!editable} style={{ maxWidth: 720 }}>
        {yearlyKinds.map((kind) => (
          <Flex key={kind} gap={16} wrap align="end">
            <Form.Item name={`${kind}On`} label={t(`reminders.${kind}`)} valuePropName="checked" style={{ marginBottom: 8, minWidth: 200 }}>
              <Switch checkedChildren={t('reminders.enabled')} data-testid={`reminder-${kind}-on`} />
            </Form.Item>
            <DaysInput name={`${kind}Days`} label={t('reminders.daysAhead')} testId={`reminder-${kind}-days`} off={on[kind] === false} />
          </Flex>
        ))}
        <Typography.Paragraph type="secondary">{t('reminders.daysHint')}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('reminders.maintenance')}</Typography.Title>
        <Flex gap={16} wrap align="end">
          <Form.Item name="maintenanceMonths" label={t('reminders.maintenanceMonths')} extra={t('reminders.maintenanceMonthsHint')} style={{ marginBottom: 8, maxWidth: 320 }}>
            <InputNumber<number> min={0} max={60} precision={0} suffix={t('reminders.months')} style={{ width: 160 }} data-testid="reminder-maintenance-months" />
          </Form.Item>
          <DaysInput name="maintenanceDays" label={t('reminders.daysAhead')} testId="reminder-maintenance-days" />
        </Flex>
        <Typography.Title level={2} style={{ fontSize: 16 }}>{t('reminders.renewal')}</Typography.Title>
        <Typography.Paragraph>
          <Link to="/admin/contract-settings">{t('reminders.renewalHint', { days: state.contractRenewalDays })}</Link>
        </Typography.Paragraph>
        {editable ? <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reminder-settings-save">{t('common.save')}</Button> : <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>}
      </Form>
    </Card>
  );
}

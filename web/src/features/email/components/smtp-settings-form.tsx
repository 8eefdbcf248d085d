import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import type { EmailSettings, SmtpSecurity } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { StaleSettingsAlert } from '../../settings';
import { useSaveEmailSettings } from '../api';
import { defaultPorts, SmtpAccountFields, SmtpSenderFields, SmtpServerFields } from './smtp-fields';
import { TestEmailButton } from './test-email-button';

interface Values { host: string; port: number; security: SmtpSecurity; user: string; password?: string; clearPassword?: boolean; fromAddress: string; fromName: string; appUrl: string }
const fieldLabels: Record<string, string> = { host: 'email.f.host', port: 'email.f.port', security: 'email.f.security', user: 'email.f.user', password: 'email.f.password', fromAddress: 'email.f.fromAddress', fromName: 'email.f.fromName', appUrl: 'email.f.appUrl' };

/** The SMTP server form: read-only without settings.edit; a 409 offers to reload. */
export function SmtpSettingsForm({ state, editable, onReload }: { state: EmailSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEmailSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const initial: Values = { ...state, appUrl: state.appUrl || (editable ? window.location.origin : '') };

  const submit = ({ password, clearPassword, ...values }: Values) => {
    setFailure({ message: null, details: [] });
    const pass = clearPassword ? { password: null } : password ? { password } : {};
    save.mutate({ ...values, host: values.host ?? '', user: values.user ?? '', fromAddress: values.fromAddress ?? '', fromName: values.fromName ?? '', appUrl: values.appUrl ?? '', ...pass, version: state.version }, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => {
        if (isApiError(error) && error.status === 409) return setStale(true);
        setFailure({ message: errorMessage(error, t), details: applyServerErrors(form, error) });
      },
    });
  };
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.security && Object.values(defaultPorts).includes(form.getFieldValue('port') as number)) form.setFieldValue('port', defaultPorts[changed.security]);
  };

  return (
    <Card data-testid="smtp-settings">
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      <Alert type={state.configured ? 'success' : 'warning'} showIcon style={{ marginBottom: 16 }} title={t(state.configured ? 'email.configured' : 'email.notConfigured')} data-testid="smtp-status" />
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={(path) => (fieldLabels[path] ? t(fieldLabels[path] as 'email.f.host') : path)} />
      <Form<Values> form={form} name="smtp_settings" layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={onValuesChange} disabled={!editable} style={{ maxWidth: 720 }}>
        <SmtpServerFields />
        <SmtpAccountFields passwordSet={state.passwordSet} />
        <SmtpSenderFields />
        {editable ? (
          <Flex gap={12} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="smtp-save">{t('common.save')}</Button>
            <TestEmailButton disabled={!state.configured} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

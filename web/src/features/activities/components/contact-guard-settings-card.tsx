import { App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import type { ContactGuardSettings } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { QueryErrorResult } from '../../../shared/layout/results';
import { StaleSettingsAlert } from '../../settings';
import { useContactGuardSettings, useSaveContactGuardSettings } from '../api';

function GuardForm({ state, editable, onReload }: { state: ContactGuardSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: number }>();
  const save = useSaveContactGuardSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });

  const submit = ({ days }: { days: number }) => {
    setFailure({ message: null, details: [] });
    save.mutate(
      { days, version: state.version },
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
    <>
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={() => t('activity.guardDays')} />
      <Form form={form} name="contact_guard" layout="vertical" initialValues={{ days: state.days }} onFinish={submit} disabled={!editable} style={{ maxWidth: 640 }}>
        <Form.Item name="days" label={t('activity.guardDays')} extra={t('activity.guardDaysHint')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber<number> min={0} max={365} precision={0} suffix={t('common.days')} style={{ width: 160 }} data-testid="contact-guard-days" />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contact-guard-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </>
  );
}

/** 撞单提醒 setting: how many days back a colleague's follow-up warns the next one (0: never). */
export function ContactGuardSettingsCard({ editable }: { editable: boolean }) {
  const t = useT();
  const query = useContactGuardSettings();
  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (query.isError) body = <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  else body = <GuardForm key={query.data.version} state={query.data} editable={editable} onReload={() => void query.refetch()} />;
  return (
    <Card title={t('activity.guardSettings')} data-testid="contact-guard-settings">
      {body}
    </Card>
  );
}

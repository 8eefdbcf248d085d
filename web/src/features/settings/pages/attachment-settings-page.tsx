import { App, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import { attachmentHardLimitMb, defaultAttachmentExtensions, type AttachmentSettings } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors, toNamePath } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useAttachmentSettings, useSaveAttachmentSettings } from '../api';
import { SettingsPage } from '../components/settings-page';
import { StaleSettingsAlert } from '../components/stale-alert';

interface Values {
  maxSizeMb: number | null;
  allowedExtensions: string[];
}

function SettingsForm({ state, editable, onReload }: { state: AttachmentSettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveAttachmentSettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  useFocusOnOpen(form, 'maxSizeMb');

  const submit = (values: Values) => {
    setFailure({ message: null, details: [] });
    save.mutate(
      {
        maxSizeMb: values.maxSizeMb ?? 1,
        // Users type ".PDF" as often as "pdf".
        allowedExtensions: [...new Set(values.allowedExtensions.map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean))],
        version: state.version,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          // `allowedExtensions.3` marks the list field.
          const details = applyServerErrors(form, error, (path) => toNamePath(path).slice(0, 1));
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

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
        labelFor={(path) =>
          path.startsWith('allowedExtensions') ? t('settings.files.allowedExtensions') : path === 'maxSizeMb' ? t('settings.files.maxSizeMb') : path
        }
      />
      <Form<Values>
        form={form}
        name="attachment_settings"
        layout="vertical"
        initialValues={{ maxSizeMb: state.maxSizeMb, allowedExtensions: state.allowedExtensions }}
        onFinish={submit}
        disabled={!editable}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="maxSizeMb"
          label={t('settings.files.maxSizeMb')}
          extra={t('settings.files.maxSizeHint', { max: attachmentHardLimitMb })}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={attachmentHardLimitMb} precision={0} suffix="MB" style={{ width: 200, maxWidth: '100%' }} data-testid="attachment-max-size" />
        </Form.Item>
        <Form.Item
          name="allowedExtensions"
          label={t('settings.files.allowedExtensions')}
          extra={t('settings.files.extensionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('settings.files.atLeastOne') }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', ' ', '，']}
            options={defaultAttachmentExtensions.map((e) => ({ value: e, label: e }))}
            data-testid="attachment-extensions"
          />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="attachment-settings-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

/** 附件设置: the largest file users may attach and the file types allowed. */
export function AttachmentSettingsPage() {
  return (
    <SettingsPage
      title="settings.files.title"
      subTitle="settings.files.subtitle"
      query={useAttachmentSettings()}
      skeletonRows={5}
      renderForm={(props) => <SettingsForm {...props} />}
    />
  );
}

import { Alert, App, Form, Input, Modal } from 'antd';
import { maxLengthOf, passwordChange } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { testId } from '../../../shared/test-id';
import { useChangePassword } from '../api';

const newPasswordLimit = maxLengthOf(passwordChange, 'newPassword');

interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordFormValues>();
  const change = useChangePassword();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (values: PasswordFormValues) => {
    setFailure(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          applyServerErrors(form, error);
          setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={() => {
        setFailure(null);
        form.resetFields();
        onClose();
      }}
      okButtonProps={{ htmlType: 'submit', form: 'password_form', loading: change.isPending, ...testId('password-save') }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) form.focusField('currentPassword');
      }}
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="password_form" layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 10, message: t('password.minLength') },
            { max: newPasswordLimit, message: t('common.tooLong', { max: newPasswordLimit }) },
          ]}
          extra={t('password.minLength')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Form, Input, Modal } from 'antd';
import { maxLengthOf, customerRelease } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useReleaseCustomer } from '../api';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(customerRelease, field);

interface ReleaseValues {
  reason?: string;
}

interface ReleaseModalProps {
  customerId: number;
  name: string;
  onClose: () => void;
}

function ReleaseForm({ customerId, name, onClose }: ReleaseModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReleaseValues>();
  const release = useReleaseCustomer();
  useFocusOnOpen(form, 'reason');

  const submit = (values: ReleaseValues) => {
    const reason = values.reason?.trim();
    release.mutate(
      { id: customerId, body: reason ? { reason } : {} },
      {
        onSuccess: () => {
          void message.success(t('pool.released', { name }));
          onClose();
        },
        onError: (error) => {
          applyServerErrors(form, error);
          void message.error(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('pool.releaseConfirm', { name })}
      okText={t('pool.release')}
      okButtonProps={{ danger: true, ...testId('release-submit') }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={release.isPending}
      destroyOnHidden
    >
      <p>{t('pool.releaseText')}</p>
      <Form<ReleaseValues> form={form} layout="vertical" name="release_form" onFinish={submit}>
        <Form.Item name="reason" label={t('pool.releaseReason')} rules={[{ max: limit('reason'), message: t('common.tooLong', { max: limit('reason') }) }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={limit('reason')}
            placeholder={t('pool.releaseReasonHint')}
            data-testid="release-reason"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Put a customer back in the public pool, with an optional reason for the timeline. */
export function ReleaseModal({ open, ...props }: ReleaseModalProps & { open: boolean }) {
  return open ? <ReleaseForm {...props} /> : null;
}

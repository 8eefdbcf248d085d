import { App, DatePicker, Form, Input, Modal } from 'antd';
import { maxLengthOf, followUpCreate } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useAddFollowUp } from '../api';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(followUpCreate, field);

interface FollowUpValues {
  note?: string;
  at?: Dayjs | null;
}

interface FollowUpModalProps {
  customerId: number;
  onClose: () => void;
}

function FollowUpForm({ customerId, onClose }: FollowUpModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpValues>();
  const add = useAddFollowUp(customerId);
  useFocusOnOpen(form, 'note');

  const submit = (values: FollowUpValues) => {
    const note = values.note?.trim() ?? '';
    add.mutate(
      { note, ...(values.at ? { at: values.at.toISOString() } : {}) },
      {
        onSuccess: () => {
          void message.success(t('pool.followUpAdded'));
          onClose();
        },
        onError: (error) => {
          const details = applyServerErrors(form, error);
          if (details.length === 0) void message.error(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('pool.addFollowUp')}
      okText={t('common.save')}
      okButtonProps={testId('follow-up-submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<FollowUpValues> form={form} layout="vertical" name="follow_up_form" onFinish={submit} requiredMark>
        <Form.Item
          name="note"
          label={t('pool.followUpNote')}
          extra={t('pool.followUpKeys')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: limit('note'), message: t('common.tooLong', { max: limit('note') }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={limit('note')}
            showCount
            placeholder={t('pool.followUpHint')}
            data-testid="follow-up-note"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
        <Form.Item name="at" label={t('pool.followUpAt')} extra={t('pool.followUpAtHint')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Record a follow-up note on a customer (it restarts the pool rules' follow-up clock). */
export function FollowUpModal({ open, ...props }: FollowUpModalProps & { open: boolean }) {
  return open ? <FollowUpForm {...props} /> : null;
}

import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useUserOptions } from '../../users';
import { useAssignLeads } from '../api';

interface AssignModalProps {
  open: boolean;
  leadIds: number[];
  /** The lead's name, when assigning one lead. */
  name?: string;
  /** The current owner, left out of the choices. */
  currentOwnerId?: number | null;
  onClose: () => void;
  onDone?: () => void;
}

function AssignForm({ leadIds, name, currentOwnerId, onClose, onDone }: Omit<AssignModalProps, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownerId?: number }>();
  const users = useUserOptions();
  const assign = useAssignLeads();
  const [failure, setFailure] = useState<string | null>(null);
  useFocusOnOpen(form, 'ownerId');
  const count = leadIds.length;

  const submit = ({ ownerId }: { ownerId?: number }) => {
    if (ownerId === undefined) return;
    setFailure(null);
    assign.mutate(
      { leadIds, ownerId },
      {
        onSuccess: () => {
          const owner = users.options.find((o) => o.value === ownerId)?.label ?? '';
          void message.success(t('lead.assigned', { count, owner }));
          onDone?.();
          onClose();
        },
        onError: (error) => {
          // The server names the field (ownerId or leadIds): both are about this one choice.
          const detail = errorMessage(error, t);
          form.setFields([{ name: 'ownerId', errors: [detail] }]);
          setFailure(detail);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={name ? t('lead.assignOne', { name }) : t('lead.assignMany', { count })}
      okText={t('lead.assign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      okButtonProps={testId('lead-assign-submit')}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<{ ownerId?: number }> form={form} layout="vertical" name="lead_assign" onFinish={submit} requiredMark>
        <Form.Item
          name="ownerId"
          label={t('lead.newOwner')}
          rules={[{ required: true, message: t('lead.chooseOwner') }]}
          extra={t('lead.assignHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('lead.chooseOwner')}
            loading={users.loading}
            options={users.options.filter((o) => o.value !== currentOwnerId)}
            data-testid="lead-assign-owner"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assign one or many leads to a user (needs leads.assign). The title carries the count. */
export function AssignModal({ open, ...props }: AssignModalProps) {
  return open ? <AssignForm {...props} /> : null;
}

import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useUserOptions } from '../../users';
import { useTransferOpportunities } from '../api';

interface DealTransferModalProps {
  opportunityIds: number[];
  /** The one deal's name, when transferring a single deal. */
  name?: string;
  currentOwnerId?: number;
  onClose: () => void;
  onDone?: () => void;
}

function TransferForm({ opportunityIds, name, currentOwnerId, onClose, onDone }: DealTransferModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownerId?: number }>();
  const users = useUserOptions();
  const transfer = useTransferOpportunities();
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  useFocusOnOpen(form, 'ownerId');
  const count = opportunityIds.length;

  const submit = ({ ownerId }: { ownerId?: number }) => {
    if (ownerId === undefined) return;
    setFailure({ message: null, details: [] });
    transfer.mutate(
      { opportunityIds, ownerId },
      {
        onSuccess: () => {
          void message.success(t('opp.transferred', { count }));
          onDone?.();
          onClose();
        },
        onError: (error) => {
          const details = applyServerErrors(form, error, (path) => [path.startsWith('opportunityIds') ? 'ownerId' : path]);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={name ? t('opp.transferOne', { name }) : t('opp.transferMany', { count })}
      okText={t('opp.transfer')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transfer.isPending}
      okButtonProps={testId('deal-transfer-submit')}
      destroyOnHidden
    >
      {name ? null : <Typography.Paragraph>{t('opp.transferManyText', { count })}</Typography.Paragraph>}
      <FormErrorsAlert
        message={failure.message}
        details={failure.details}
        labelFor={(path) => (path === 'ownerId' ? t('opp.newOwner') : path)}
      />
      <Form form={form} layout="vertical" name="deal_transfer_form" onFinish={submit} requiredMark>
        <Form.Item name="ownerId" label={t('opp.newOwner')} rules={[{ required: true, message: t('opp.chooseOwner') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('opp.chooseOwner')}
            loading={users.loading}
            options={users.options.filter((o) => o.value !== currentOwnerId)}
            data-testid="deal-transfer-owner"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Transfer one or many deals to another owner (opportunities.assign); the new owner is notified. */
export function DealTransferModal({ open, ...props }: DealTransferModalProps & { open: boolean }) {
  return open ? <TransferForm {...props} /> : null;
}

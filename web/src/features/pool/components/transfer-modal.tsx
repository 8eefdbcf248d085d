import { App, Form, Input, Modal, Select } from 'antd';
import { maxLengthOf, customerTransfer } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useUserOptions } from '../../users';
import { useTransferCustomers } from '../api';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(customerTransfer, field);

interface TransferValues {
  ownerId?: number;
  note?: string;
}

interface TransferModalProps {
  open: boolean;
  customerIds: number[];
  /** The one customer's name, when transferring a single customer. */
  name?: string;
  /** The current owner, left out of the choices. */
  currentOwnerId?: number | null;
  onClose: () => void;
  onDone?: (moved: number) => void;
}

function TransferForm({ customerIds, name, currentOwnerId, onClose, onDone }: Omit<TransferModalProps, 'open'>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const users = useUserOptions();
  const transfer = useTransferCustomers();
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  useFocusOnOpen(form, 'ownerId');

  const submit = (values: TransferValues) => {
    if (values.ownerId === undefined) return;
    setFailure({ message: null, details: [] });
    transfer.mutate(
      { customerIds, ownerId: values.ownerId, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
      {
        onSuccess: (result) => {
          void message.success(t('pool.transferred', { count: result.moved }));
          onDone?.(result.moved);
          onClose();
        },
        onError: (error) => {
          const details = applyServerErrors(form, error, (path) => [path === 'customerIds' ? 'ownerId' : path]);
          setFailure({ message: errorMessage(error, t), details: isApiError(error) ? details : [] });
        },
      },
    );
  };

  const title = name ? t('pool.transferOne', { name }) : t('pool.transferMany', { count: customerIds.length });
  return (
    <Modal
      open
      title={title}
      okText={t('pool.transfer')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transfer.isPending}
      okButtonProps={testId('transfer-submit')}
      destroyOnHidden
    >
      <FormErrorsAlert
        message={failure.message}
        details={failure.details}
        labelFor={(path) => (path === 'note' ? t('pool.transferNote') : path === 'ownerId' ? t('pool.newOwner') : path)}
      />
      <Form<TransferValues> form={form} layout="vertical" name="transfer_form" onFinish={submit} requiredMark>
        <Form.Item name="ownerId" label={t('pool.newOwner')} rules={[{ required: true, message: t('pool.chooseOwner') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pool.chooseOwner')}
            loading={users.loading}
            options={users.options.filter((o) => o.value !== currentOwnerId)}
            data-testid="transfer-owner"
          />
        </Form.Item>
        <Form.Item name="note" label={t('pool.transferNote')} rules={[{ max: limit('note'), message: t('common.tooLong', { max: limit('note') }) }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={limit('note')}
            placeholder={t('pool.transferNoteHint')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Transfer one or many customers to another user (needs customers.assign). */
export function TransferModal({ open, ...props }: TransferModalProps) {
  return open ? <TransferForm {...props} /> : null;
}

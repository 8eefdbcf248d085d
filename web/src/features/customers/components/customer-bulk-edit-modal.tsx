import { App, Form, Input, Modal, Select } from 'antd';
import type { CustomerBulkUpdate } from '@crm/contracts';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate } from '../../../shared/format/format';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { testId } from '../../../shared/test-id';
import { useBulkUpdateCustomers } from '../api';
import { fieldLabel } from './customer-fields';
import { useCustomerLists } from './customer-lists';

type Field = keyof CustomerBulkUpdate['set'];
const fields: Field[] = ['status', 'lifecycleStage', 'industry', 'source', 'nextFollowUpOn'];
interface Values {
  field: Field;
  value?: string;
}

/** One field set to the same value on the selected customers, after a counted confirmation (all or none). */
export function BulkEditModal({ ids, onClose, onDone }: { ids: number[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const field = Form.useWatch('field', form) ?? 'status';
  const bulkUpdate = useBulkUpdateCustomers();
  const statuses = useEnumOptions('status');
  const stages = useEnumOptions('lifecycle');
  const lists = useCustomerLists();
  const count = ids.length;
  const none = { value: '', label: t('bulk.none') };
  const options: Record<Exclude<Field, 'nextFollowUpOn'>, Array<{ value: string; label: string }>> = {
    status: statuses,
    lifecycleStage: stages,
    industry: [none, ...lists.industryOptions()],
    source: [none, ...lists.sourceOptions()],
  };
  const label = (f: Field) => fieldLabel(t, 'customer', f);

  const submit = ({ field: f, value }: Values) => {
    const stored = value === '' || value === undefined ? null : value;
    let shown = t('bulk.none');
    if (stored !== null) shown = f === 'nextFollowUpOn' ? formatDate(stored) : (options[f].find((o) => o.value === stored)?.label ?? stored);
    void modal.confirm({
      title: t('bulk.editConfirm', { count, field: label(f), value: shown }),
      okText: t('common.confirm'),
      okButtonProps: testId('bulk-edit-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulkUpdate.mutateAsync({ ids, set: { [f]: stored } as CustomerBulkUpdate['set'] }).then(
          (result) => {
            void message.success(t('bulk.edited', { count: result.updated }));
            onDone();
            onClose();
          },
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });
  };

  return (
    <Modal
      open
      title={t('bulk.editTitle', { count })}
      okText={t('inline.save')}
      okButtonProps={testId('bulk-edit-submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={bulkUpdate.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="bulk_edit_form" initialValues={{ field: 'status' }} onFinish={submit}>
        <Form.Item name="field" label={t('bulk.field')}>
          <Select options={fields.map((f) => ({ value: f, label: label(f) }))} onChange={() => form.setFieldValue('value', undefined)} data-testid="bulk-edit-field" />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('bulk.value')}
          rules={field === 'status' || field === 'lifecycleStage' ? [{ required: true, message: t('bulk.valueRequired') }] : []}
        >
          {field === 'nextFollowUpOn' ? (
            <Input type="date" min={dayjs().format('YYYY-MM-DD')} data-testid="bulk-edit-date" />
          ) : (
            <Select showSearch={{ optionFilterProp: 'label' }} options={options[field]} data-testid="bulk-edit-value" />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Select } from 'antd';
import type { CustomerBulkUpdate } from '@crm/contracts';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { useBulkUpdateCustomers } from '../api';
import { BulkModal, useConfirmedBulk } from './customer-bulk-modal';
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
  const confirmed = useConfirmedBulk();
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
    confirmed({
      question: t('bulk.editConfirm', { count, field: label(f), value: shown }),
      confirmTestId: 'bulk-edit-confirm',
      run: () => bulkUpdate.mutateAsync({ ids, set: { [f]: stored } as CustomerBulkUpdate['set'] }),
      success: (result) => t('bulk.edited', { count: result.updated }),
      after: () => {
        onDone();
        onClose();
      },
    });
  };

  return (
    <BulkModal title={t('bulk.editTitle', { count })} submitTestId="bulk-edit-submit" pending={bulkUpdate.isPending} onSubmit={() => form.submit()} onCancel={onClose}>
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
    </BulkModal>
  );
}

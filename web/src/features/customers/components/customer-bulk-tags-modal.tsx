import { App, Form, Select } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useFormRules } from '../../../shared/form/rules';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useBulkTagCustomers } from '../api';
import { BulkModal } from './customer-bulk-modal';

interface BulkTagsModalProps {
  mode: 'add' | 'remove';
  ids: number[];
  /** The tags the selected customers carry: what the remove dialog offers. */
  carried: string[];
  onClose: () => void;
  onDone: () => void;
}

/** Add tags to, or remove tags from, the selected customers (all or none). */
export function BulkTagsModal({ mode, ids, carried, onClose, onDone }: BulkTagsModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tags: string[] }>();
  const bulkTag = useBulkTagCustomers();
  const rules = useFormRules();
  useFocusOnOpen(form, 'tags');
  const count = ids.length;

  const submit = ({ tags }: { tags: string[] }) => {
    const cleaned = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
    bulkTag.mutate({ ids, [mode]: cleaned }, {
      onSuccess: (result) => {
        void message.success(t('customer.bulkTagged', { count: result.updated }));
        onDone();
        onClose();
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };

  return (
    <BulkModal
      title={t(mode === 'add' ? 'customer.bulkAddTagsTitle' : 'customer.bulkRemoveTagsTitle', { count })}
      okText={t(mode === 'add' ? 'customer.bulkAddTags' : 'customer.bulkRemoveTags')}
      danger={mode === 'remove'}
      submitTestId="bulk-tags-submit"
      pending={bulkTag.isPending}
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form<{ tags: string[] }> form={form} layout="vertical" name="bulk_tags_form" onFinish={submit}>
        <Form.Item
          name="tags"
          label={t('customer.f.tags')}
          rules={[{ required: true, type: 'array', min: 1, message: t('customer.bulkTagsRequired') }, rules.tags(20, 30)]}
        >
          {mode === 'remove' ? (
            <Select
              mode="multiple"
              options={carried.map((tag) => ({ value: tag, label: tag }))}
              placeholder={carried.length === 0 ? t('bulk.removeTagsNone') : undefined}
              notFoundContent={t('bulk.removeTagsNone')}
              data-testid="bulk-tags-select"
            />
          ) : (
            <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('customer.tagsPlaceholder')} open={false} suffixIcon={null} maxCount={20} data-testid="bulk-tags-select" />
          )}
        </Form.Item>
      </Form>
    </BulkModal>
  );
}

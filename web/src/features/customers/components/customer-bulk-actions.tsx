import { DeleteOutlined, EditOutlined, MessageOutlined, MinusCircleOutlined, TagsOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useBulkDeleteCustomers } from '../api';

// The tags form (and the form rules with their phone checks) loads when it is first opened.
const BulkTagsModal = lazy(() => import('./customer-bulk-tags-modal').then((m) => ({ default: m.BulkTagsModal })));
const BulkEditModal = lazy(() => import('./customer-bulk-edit-modal').then((m) => ({ default: m.BulkEditModal })));
const BulkFollowUpModal = lazy(() => import('./customer-bulk-follow-up-modal').then((m) => ({ default: m.BulkFollowUpModal })));

/**
 * Edit, follow-up, tag and delete buttons for the customers selected in the list, each shown only
 * with its right. `selectedTags`: the tags the selected customers carry (the remove dialog offers them).
 */
export function CustomerBulkActions({ selectedIds, selectedTags, onDone }: { selectedIds: number[]; selectedTags: string[]; onDone: () => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const remove = useBulkDeleteCustomers();
  const [tagging, setTagging] = useState<'add' | 'remove' | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'follow-up' | null>(null);
  const count = selectedIds.length;

  const confirmDelete = () => {
    void modal.confirm({
      title: t('customer.bulkDeleteConfirm', { count }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('bulk-delete-confirm') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(selectedIds).then(
          (result) => {
            void message.success(t('customer.bulkDeleted', { count: result.deleted }));
            onDone();
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };

  return (
    <>
      {can('customers.edit') ? (
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="bulk-edit">
          {t('bulk.edit')}
        </Button>
      ) : null}
      {can('followups.create') ? (
        <Button size="small" icon={<MessageOutlined />} onClick={() => setDialog('follow-up')} data-testid="bulk-follow-up">
          {t('bulk.followUp')}
        </Button>
      ) : null}
      {can('customers.edit') ? (
        <>
          <Button size="small" icon={<TagsOutlined />} onClick={() => setTagging('add')} data-testid="bulk-add-tags">
            {t('customer.bulkAddTags')}
          </Button>
          <Button size="small" icon={<MinusCircleOutlined />} onClick={() => setTagging('remove')} data-testid="bulk-remove-tags">
            {t('customer.bulkRemoveTags')}
          </Button>
        </>
      ) : null}
      {can('customers.delete') ? (
        <Button size="small" danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="bulk-delete">
          {t('customer.bulkDelete')}
        </Button>
      ) : null}
      {tagging === null ? null : (
        <Suspense fallback={null}>
          <BulkTagsModal mode={tagging} ids={selectedIds} carried={selectedTags} onClose={() => setTagging(null)} onDone={onDone} />
        </Suspense>
      )}
      {dialog === null ? null : (
        <Suspense fallback={null}>
          {dialog === 'edit' ? (
            <BulkEditModal ids={selectedIds} onClose={() => setDialog(null)} onDone={onDone} />
          ) : (
            <BulkFollowUpModal ids={selectedIds} onClose={() => setDialog(null)} onDone={onDone} />
          )}
        </Suspense>
      )}
    </>
  );
}

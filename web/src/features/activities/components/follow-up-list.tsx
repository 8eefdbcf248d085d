import { App, Button, Empty, Flex, List, Skeleton } from 'antd';
import type { FollowUpRecord } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { useCustomerFollowUps, useDeleteFollowUp } from '../api';
import { FollowUpEditDrawer } from './follow-up-edit-drawer';
import { FollowUpItem } from './follow-up-item';

function useDeleteConfirm() {
  const t = useT();
  const { message, modal } = App.useApp();
  const remove = useDeleteFollowUp();
  return (record: FollowUpRecord) =>
    void modal.confirm({
      title: t('activity.deleteConfirm', { kind: t(`activity.kind.${record.kind}`), when: formatDateTime(record.occurredAt) }),
      content: record.taskId ? t('activity.deleteConfirmTask') : undefined,
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete-follow-up') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(record).then(
          () => void message.success(t('activity.deleted')),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
}

/** The customer's follow-ups, newest first, ten at a time. */
export function FollowUpList({ customerId }: { customerId: number }) {
  const t = useT();
  const query = useCustomerFollowUps(customerId);
  const confirmDelete = useDeleteConfirm();
  const [editing, setEditing] = useState<FollowUpRecord | null>(null);

  if (query.isPending) return <Skeleton active avatar paragraph={{ rows: 3 }} data-testid="follow-ups-loading" />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const records = query.data.pages.flatMap((page) => page.items);
  if (records.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activity.empty')} data-testid="follow-ups-empty" />;
  }
  return (
    <Flex vertical gap={8}>
      <List<FollowUpRecord>
        dataSource={records}
        rowKey="id"
        data-testid="follow-up-list"
        renderItem={(record) => (
          <List.Item>
            <FollowUpItem record={record} onEdit={setEditing} onDelete={confirmDelete} />
          </List.Item>
        )}
      />
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'center' }} data-testid="follow-ups-more">
          {t('common.loadMore')}
        </Button>
      ) : null}
      <FollowUpEditDrawer record={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

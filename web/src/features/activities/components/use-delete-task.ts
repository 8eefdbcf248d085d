import { App } from 'antd';
import type { Task } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { useDeleteTask } from '../api';

/** Deleting a task, confirmed first. */
export function useDeleteTaskConfirm() {
  const t = useT();
  const { message, modal } = App.useApp();
  const remove = useDeleteTask();
  return (task: Task) =>
    void modal.confirm({
      title: t('task.deleteConfirm', { title: task.title }),
      content: task.recurrence ? t('task.deleteRecurring') : undefined,
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete-task') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(task.id).then(
          () => void message.success(t('task.deleted')),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
}

import { App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ListResponse, Task } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useUpdateTask } from '../api';

/**
 * Ticks a task done (or open again) at once on every list that shows it, then saves; a failed save
 * puts the lists back. A completed task offers to undo (reopen it); a recurring one says that
 * the next one is made.
 */
export function useToggleTask() {
  const t = useT();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const update = useUpdateTask();

  const mark = (task: Task, status: Task['status']) => {
    void queryClient.cancelQueries({ queryKey: ['tasks', 'list'] });
    queryClient.setQueriesData<ListResponse<Task>>({ queryKey: ['tasks', 'list'] }, (data) =>
      data ? { ...data, items: data.items.map((item) => (item.id === task.id ? { ...item, status } : item)) } : data,
    );
  };

  const toggle = (task: Task, done: boolean) => {
    const status = done ? 'done' : 'open';
    mark(task, status);
    update.mutate(
      { id: task.id, body: { status, version: task.version } },
      {
        onSuccess: (saved) => {
          if (!done) return void message.success(t('task.reopened', { title: saved.title }));
          const key = `task-done-${saved.id}`;
          notification.success({
            key,
            title: t('task.done', { title: saved.title }),
            description: saved.recurrence ? t('task.nextMade') : undefined,
            duration: 6,
            actions: (
              <Button
                size="small"
                data-testid="task-undo"
                onClick={() => {
                  notification.destroy(key);
                  toggle(saved, false);
                }}
              >
                {t('common.undo')}
              </Button>
            ),
          });
        },
        onError: (error) => {
          void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
          void message.error(errorMessage(error, t));
        },
      },
    );
  };
  return toggle;
}

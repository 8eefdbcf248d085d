import { App, Button } from 'antd';
import type { Task, Workbench } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useSetTaskStatus } from '../api';
import { TaskRow } from './task-row';
import { WorkbenchCard } from './workbench-card';

/** Ticks a task done from the card, with an undo that opens it again. */
function useCompleteTask() {
  const t = useT();
  const { message, notification } = App.useApp();
  const setStatus = useSetTaskStatus();
  return (task: Task) =>
    setStatus.mutate(
      { task, status: 'done' },
      {
        onSuccess: (saved) => {
          const key = `workbench-task-${saved.id}`;
          const undo = () => {
            notification.destroy(key);
            setStatus.mutate({ task: saved, status: 'open' }, { onError: (error) => void message.error(errorMessage(error, t)) });
          };
          notification.success({
            key,
            title: t('task.done', { title: saved.title }),
            description: saved.recurrence ? t('task.nextMade') : undefined,
            duration: 6,
            actions: <Button size="small" onClick={undo} data-testid="workbench-task-undo">{t('common.undo')}</Button>,
          });
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
}

/** 今日任务 / 逾期: my open tasks overdue first, then today's; each ticked done in place. */
export function TasksCard({ tasks }: { tasks: Workbench['tasks'] | undefined }) {
  const t = useT();
  const complete = useCompleteTask();
  const section = tasks ? { items: [...tasks.overdue.items, ...tasks.today.items], total: tasks.overdue.total + tasks.today.total } : undefined;
  return (
    <WorkbenchCard<Task>
      title={t('workbench.tasks.title')}
      testId="workbench-tasks"
      section={section}
      rowKey={(task) => task.id}
      renderItem={(task) => <TaskRow task={task} onDone={complete} />}
      empty={t('workbench.tasks.empty')}
      more="/tasks"
    />
  );
}

import { Empty, List, Skeleton } from 'antd';
import type { Task } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useTasks } from '../api';
import { TaskItem } from './task-item';
import type { TaskTab } from './task-model';
import { useDeleteTaskConfirm } from './use-delete-task';
import { useToggleTask } from './use-toggle-task';

interface TaskListProps {
  tab: TaskTab;
  assigneeId: number | null;
  page: number;
  onPage: (page: number) => void;
  onEdit: (task: Task) => void;
}

const pageSize = 20;

/** One tab of /tasks: the tasks it lists, in the server's order, twenty a page. */
export function TaskList({ tab, assigneeId, page, onPage, onEdit }: TaskListProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const query = useTasks({ view: tab, page, pageSize, ...(assigneeId ? { assigneeId } : {}) });
  const toggle = useToggleTask();
  const confirmDelete = useDeleteTaskConfirm();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} data-testid="tasks-loading" />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    return <Empty description={t(`task.empty.${tab}`)} data-testid="tasks-empty" />;
  }
  return (
    <List<Task>
      dataSource={query.data.items}
      rowKey="id"
      loading={query.isFetching && query.isPlaceholderData}
      data-testid="task-list"
      pagination={
        query.data.total > pageSize
          ? { current: page, pageSize, total: query.data.total, onChange: onPage, showSizeChanger: false, simple: isMobile, align: 'center' }
          : false
      }
      renderItem={(task) => (
        <List.Item>
          <TaskItem task={task} onToggle={toggle} onEdit={onEdit} onDelete={confirmDelete} />
        </List.Item>
      )}
    />
  );
}

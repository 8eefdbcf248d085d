import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Skeleton } from 'antd';
import type { Task } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useTasks } from '../api';
import { TaskDrawer } from './task-drawer';
import { TaskItem } from './task-item';
import { sortTasks } from './task-model';
import { useToggleTask } from './use-toggle-task';

/** The customer's open tasks, most pressing first, with "new task" for this customer. */
export function CustomerTasksCard({ customerId, customerName }: { customerId: number; customerName: string }) {
  const t = useT();
  const { can } = usePermissions();
  const query = useTasks({ view: 'open', customerId, page: 1, pageSize: 50 });
  const toggle = useToggleTask();
  const [drawer, setDrawer] = useState<{ task: Task | null } | null>(null);

  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (query.isError) body = <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noneForCustomer')} data-testid="customer-tasks-empty" />;
  else
    body = (
      <List<Task>
        size="small"
        dataSource={sortTasks(query.data.items)}
        rowKey="id"
        renderItem={(task) => (
          <List.Item>
            <TaskItem task={task} onToggle={toggle} onEdit={(edit) => setDrawer({ task: edit })} showCustomer={false} />
          </List.Item>
        )}
      />
    );

  return (
    <Card
      size="small"
      title={<Link to="/tasks">{t('task.openTasks')}</Link>}
      extra={
        can('tasks.create') ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDrawer({ task: null })} data-testid="customer-task-new">
            {t('task.new')}
          </Button>
        ) : null
      }
      data-testid="customer-tasks"
    >
      {body}
      <TaskDrawer open={drawer !== null} task={drawer?.task ?? null} preset={{ customerId, customerName }} onClose={() => setDrawer(null)} />
    </Card>
  );
}

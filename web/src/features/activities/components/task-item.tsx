import { DeleteOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import type { Task } from '@crm/contracts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { PriorityTag } from './kind-bits';
import { dueState } from './task-model';

interface TaskItemProps {
  task: Task;
  onToggle: (task: Task, done: boolean) => void;
  onEdit: (task: Task) => void;
  onDelete?: (task: Task) => void;
  /** Off on the customer's own card. */
  showCustomer?: boolean;
}

function DueText({ task }: { task: Task }) {
  const t = useT();
  const state = dueState(task, dayjs().format('YYYY-MM-DD'));
  const day = state === 'today' ? t('task.today') : formatDate(task.dueOn);
  const text = [day, task.dueTime].filter(Boolean).join(' ');
  if (state === 'overdue') return <Typography.Text type="danger" style={{ fontSize: 13 }}>{t('task.overdueSince', { due: text })}</Typography.Text>;
  return <Typography.Text type="secondary" style={{ fontSize: 13 }}>{text}</Typography.Text>;
}

/** One task: a box to tick it done, its title, priority, due day and time, customer and assignee. */
export function TaskItem({ task, onToggle, onEdit, onDelete, showCustomer = true }: TaskItemProps) {
  const t = useT();
  const done = task.status === 'done';
  return (
    <Flex gap={12} align="start" style={{ width: '100%', minWidth: 0 }} data-testid="task-row" data-task-id={task.id}>
      <Checkbox
        checked={done}
        disabled={!task.can.edit || task.status === 'cancelled'}
        onChange={(event) => onToggle(task, event.target.checked)}
        aria-label={t(done ? 'task.reopenLabel' : 'task.completeLabel', { title: task.title })}
        style={{ paddingTop: 2 }}
        data-testid="task-check"
      />
      <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Button
            type="link"
            onClick={() => onEdit(task)}
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', overflowWrap: 'anywhere', fontWeight: 500, textDecoration: done ? 'line-through' : undefined }}
            data-testid="task-title"
          >
            {task.title}
          </Button>
          <Flex style={{ flex: 'none' }}>
            {task.can.edit ? <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(task)} aria-label={t('task.editLabel', { title: task.title })} /> : null}
            {onDelete && task.can.delete ? (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onDelete(task)} aria-label={t('task.deleteLabel', { title: task.title })} data-testid="task-delete" />
            ) : null}
          </Flex>
        </Flex>
        <Flex gap={8} wrap align="center">
          <PriorityTag priority={task.priority} />
          <DueText task={task} />
          {task.recurrence ? (
            <Tag icon={<SyncOutlined />} style={{ marginInlineEnd: 0 }} data-testid="task-recurrence">
              {t(`task.recurrence.${task.recurrence}`)}
            </Tag>
          ) : null}
          {showCustomer && task.customerId ? <Link to={`/customers/${task.customerId}`} style={{ fontSize: 13 }}>{task.customerName ?? t('task.customer')}</Link> : null}
          {task.assigneeName ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{task.assigneeName}</Typography.Text> : null}
        </Flex>
      </Flex>
    </Flex>
  );
}

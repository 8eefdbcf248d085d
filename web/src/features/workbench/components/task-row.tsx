import { Checkbox, Flex, Typography } from 'antd';
import type { Task } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';

/** A task on the workbench: a box to tick it done, its title (opens it), when it is due and its customer. */
export function TaskRow({ task, onDone }: { task: Task; onDone: (task: Task) => void }) {
  const t = useT();
  const due = [task.overdue ? formatDate(task.dueOn) : t('task.today'), task.dueTime].filter(Boolean).join(' ');
  return (
    <Flex gap={10} align="start" style={{ width: '100%', minWidth: 0 }} data-testid="workbench-task" data-task-id={task.id}>
      <Checkbox
        checked={false}
        disabled={!task.can.edit}
        onChange={() => onDone(task)}
        aria-label={t('task.completeLabel', { title: task.title })}
        style={{ paddingTop: 2 }}
        data-testid="workbench-task-check"
      />
      <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Link to={`/tasks?task=${task.id}`} style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>
          {task.title}
        </Link>
        <Flex gap={8} wrap style={{ fontSize: 13 }}>
          {task.overdue ? <Typography.Text type="danger">{t('task.overdueSince', { due })}</Typography.Text> : <Typography.Text type="secondary">{due}</Typography.Text>}
          {task.customerId ? <Link to={`/customers/${task.customerId}`}>{task.customerName ?? t('task.customer')}</Link> : null}
        </Flex>
      </Flex>
    </Flex>
  );
}

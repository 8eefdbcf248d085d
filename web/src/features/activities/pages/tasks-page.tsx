import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Tabs } from 'antd';
import type { Task } from '@crm/contracts';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { useTask } from '../api';
import { TaskDrawer } from '../components/task-drawer';
import { TaskList } from '../components/task-list';
import { defaultDueOn, parseTaskTab, positiveId, taskTabs, type TaskTab } from '../components/task-model';

/**
 * Whose tasks: mine unless the address names another assignee, or `all` (every assignee in the
 * reader's data scope: a manager looks at his team's).
 */
function AssigneeFilter({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const users = useUserOptions();
  if (users.options.length < 2) return null;
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      options={users.options}
      placeholder={t('task.allAssignees')}
      aria-label={t('task.f.assignee')}
      style={{ width: 200, maxWidth: '100%' }}
      data-testid="task-assignee-filter"
    />
  );
}

/** 任务: today's, overdue, upcoming and done tasks, each ticked done in place; `?task=ID` opens one. */
export function TasksPage() {
  const t = useT();
  useDocumentTitle(t('task.title'));
  const { can, me } = usePermissions();
  const [params, setParams] = useSearchParams();
  const tab = parseTaskTab(params.get('view'));
  const assigneeId = params.get('assigneeId') === 'all' ? null : (positiveId(params.get('assigneeId')) ?? me?.user.id ?? null);
  const page = positiveId(params.get('page')) ?? 1;
  const linked = useTask(positiveId(params.get('task')));
  const [drawer, setDrawer] = useState<{ task: Task | null } | null>(null);

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const shownTask = drawer ? drawer.task : (linked.data ?? null);
  const today = dayjs();

  return (
    <>
      <PageHeader
        title={t('task.title')}
        extra={
          <>
            <AssigneeFilter value={assigneeId} onChange={(id) => update({ assigneeId: id === null ? 'all' : id === me?.user.id ? null : String(id), page: null })} />
            {can('tasks.create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ task: null })} data-testid="task-new">
                {t('task.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ view: key === 'today' ? null : key, page: null })}
          items={taskTabs.map((key: TaskTab) => ({
            key,
            label: <span data-testid={`tasks-tab-${key}`}>{t(`task.tab.${key}`)}</span>,
            children:
              key === tab ? (
                <TaskList tab={tab} assigneeId={assigneeId} page={page} onPage={(p) => update({ page: p > 1 ? String(p) : null })} onEdit={(task) => setDrawer({ task })} />
              ) : null,
          }))}
        />
      </Card>
      <TaskDrawer
        open={drawer !== null || linked.data !== undefined}
        task={shownTask}
        preset={{ dueOn: defaultDueOn(tab, today.format('YYYY-MM-DD'), today.add(1, 'day').format('YYYY-MM-DD')) }}
        onClose={() => {
          setDrawer(null);
          if (params.has('task')) update({ task: null });
        }}
      />
    </>
  );
}

import { App, type FormInstance } from 'antd';
import type { Task } from '@crm/contracts';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { useCreateTask, useUpdateTask } from '../api';
import { TaskFormFields } from './task-form-fields';
import { createPayload, newTaskValues, taskValues, updatePayload, type TaskValues } from './task-model';

const labels: Record<string, MessageKey> = {
  title: 'task.f.title',
  dueOn: 'task.f.dueOn',
  dueTime: 'task.f.dueTime',
  priority: 'task.f.priority',
  assigneeId: 'task.f.assignee',
  customerId: 'task.f.customer',
  notes: 'task.f.notes',
  recurrence: 'task.f.recurrence',
  remindBeforeMinutes: 'task.f.remind',
};

/** A new task's starting point: its customer (from a customer page) and due day. */
export interface TaskPreset {
  customerId?: number;
  customerName?: string;
  dueOn?: string;
}

interface TaskDrawerProps {
  open: boolean;
  /** The task to edit; none: a new one. */
  task: Task | null;
  preset?: TaskPreset;
  onClose: () => void;
}

/** Create or edit a task in a drawer. */
export function TaskDrawer(props: TaskDrawerProps) {
  const t = useT();
  return (
    <FormDrawer<TaskValues> open={props.open} onClose={props.onClose} title={t(props.task ? 'task.editTitle' : 'task.newTitle')} width={600} testId="task-drawer">
      {(form) => <TaskForm form={form} {...props} />}
    </FormDrawer>
  );
}

function TaskForm({ form, task: initial, preset = {}, onClose }: TaskDrawerProps & { form: FormInstance<TaskValues> }) {
  const t = useT();
  const { message } = App.useApp();
  const { me } = usePermissions();
  const create = useCreateTask();
  const update = useUpdateTask();
  const problems = useSaveProblems<Task, TaskValues>(form);
  const [task, setTask] = useState(initial);
  useFocusOnOpen(form, 'title');
  const start = task
    ? taskValues(task)
    : newTaskValues({ assigneeId: me?.user.id ?? null, customerId: preset.customerId ?? null, dueOn: preset.dueOn ?? dayjs().format('YYYY-MM-DD') });

  const done = () => {
    void message.success(t(task ? 'common.saved' : 'task.created'));
    onClose();
  };
  const submit = (values: TaskValues) => {
    problems.clear();
    if (task) update.mutate({ id: task.id, body: updatePayload(task, values) }, { onSuccess: done, onError: problems.show });
    else create.mutate(createPayload(values), { onSuccess: done, onError: problems.show });
  };
  const reload = () => {
    if (!problems.conflict) return;
    setTask(problems.conflict);
    form.setFieldsValue(taskValues(problems.conflict));
    problems.clear();
  };

  return (
    <DrawerForm<TaskValues>
      form={form}
      name="task_form"
      initialValues={start}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reload} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => (labels[path] ? t(labels[path]) : path) }}
      saving={create.isPending || update.isPending}
      saveTestId="task-save"
      onCancel={onClose}
    >
      <TaskFormFields customerLabel={task?.customerName ?? preset.customerName ?? null} />
    </DrawerForm>
  );
}

import { DatePicker, Flex, Form, Input, Select, TimePicker } from 'antd';
import { maxLengthOf, taskCreate, taskPriorities, taskRecurrences, taskReminderOffsets } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { CustomerSelect } from '../../leads';
import { useUserOptions } from '../../users';

const limit = (field: string) => maxLengthOf(taskCreate, field);
const half = { flex: '1 1 200px', minWidth: 0 } as const;

/** Due day (YYYY-MM-DD) and time (HH:MM) as the API keeps them. */
function DueFields() {
  const t = useT();
  const rules = useFormRules();
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="dueOn"
        label={t('task.f.dueOn')}
        rules={[rules.requiredChoice]}
        getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
        normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
        style={half}
      >
        <DatePicker style={{ width: '100%' }} data-testid="task-due-on" />
      </Form.Item>
      <Form.Item
        name="dueTime"
        label={t('task.f.dueTime')}
        extra={t('task.dueTimeHint')}
        getValueProps={(value: string | null) => ({ value: value ? dayjs(`2000-01-01T${value}`) : null })}
        normalize={(value: Dayjs | null) => (value ? value.format('HH:mm') : null)}
        style={half}
      >
        <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="task-due-time" />
      </Form.Item>
      <Form.Item name="remindBeforeMinutes" label={t('task.f.remind')} extra={t('task.remindHint')} style={half}>
        <Select
          options={(['none', ...taskReminderOffsets] as const).map((r) => ({ value: r, label: t(`task.remind.${r}`) }))}
          data-testid="task-remind-select"
        />
      </Form.Item>
    </Flex>
  );
}

/** The task drawer's fields: what, when, how urgent, who, for which customer, how often. */
export function TaskFormFields({ customerLabel }: { customerLabel: string | null }) {
  const t = useT();
  const rules = useFormRules();
  const users = useUserOptions();
  return (
    <>
      <Form.Item name="title" label={t('task.f.title')} rules={[rules.required, rules.max(limit('title'))]}>
        <Input maxLength={limit('title')} autoComplete="off" data-testid="task-title-input" />
      </Form.Item>
      <DueFields />
      <Flex gap={12} wrap>
        <Form.Item name="priority" label={t('task.f.priority')} style={half}>
          <Select options={taskPriorities.map((p) => ({ value: p, label: t(`task.priority.${p}`) }))} data-testid="task-priority-select" />
        </Form.Item>
        <Form.Item name="recurrence" label={t('task.f.recurrence')} style={half}>
          <Select
            options={(['none', ...taskRecurrences] as const).map((r) => ({ value: r, label: t(`task.recurrence.${r}`) }))}
            data-testid="task-recurrence-select"
          />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="assigneeId" label={t('task.f.assignee')} rules={[rules.requiredChoice]} style={half}>
          <Select options={users.options} loading={users.loading} showSearch={{ optionFilterProp: 'label' }} data-testid="task-assignee" />
        </Form.Item>
        <Form.Item name="customerId" label={t('task.f.customer')} style={half}>
          <CustomerSelect initialLabel={customerLabel} data-testid="task-customer" />
        </Form.Item>
      </Flex>
      <Form.Item name="notes" label={t('task.f.notes')} rules={[rules.max(limit('notes'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={limit('notes')} data-testid="task-notes" />
      </Form.Item>
    </>
  );
}

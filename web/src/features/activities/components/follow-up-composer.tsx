import { SendOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useCreateFollowUp } from '../api';
import { VisitCheckInField } from './check-in-field';
import { ContactGuardAlert } from './contact-guard-alert';
import { CustomerEmailButton } from './customer-email-drawer';
import { FollowUpDetailFields, FollowUpMainFields, followUpLimit, half } from './follow-up-fields';
import { composerPayload, emptyComposer, type ComposerValues } from './follow-up-model';

const labels: Record<string, MessageKey> = {
  kind: 'activity.f.kind',
  content: 'activity.f.content',
  occurredAt: 'activity.f.occurredAt',
  durationMinutes: 'activity.f.duration',
  contactIds: 'activity.f.contacts',
  outcome: 'activity.f.outcome',
  nextOn: 'activity.f.nextOn',
  nextAction: 'activity.f.nextAction',
  checkIn: 'visit.checkInLabel',
};

/** The next follow-up: a day (not before today) and what to do then; together a task. */
function NextStepFields() {
  const t = useT();
  const rules = useFormRules();
  const needsDay = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, value: unknown) => {
      if (!value && typeof getFieldValue('nextAction') === 'string' && (getFieldValue('nextAction') as string).trim() !== '') throw new Error(t('activity.nextOnNeeded'));
    },
  });
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="nextOn"
        label={t('activity.f.nextOn')}
        extra={t('activity.nextHint')}
        dependencies={['nextAction']}
        rules={[needsDay]}
        getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
        normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
        style={half}
      >
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} data-testid="follow-up-next-on" />
      </Form.Item>
      <Form.Item name="nextAction" label={t('activity.f.nextAction')} rules={[rules.max(followUpLimit('nextAction'))]} style={half}>
        <Input maxLength={followUpLimit('nextAction')} placeholder={t('activity.nextActionPlaceholder')} autoComplete="off" data-testid="follow-up-next-action" />
      </Form.Item>
    </Flex>
  );
}

/** 写跟进: log a call, visit, meeting, email, message or note on the customer (Ctrl/⌘+Enter saves). */
export function FollowUpComposer({ customerId, customerName = '' }: { customerId: number; customerName?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComposerValues>();
  const create = useCreateFollowUp();
  const problems = useSaveProblems<unknown, ComposerValues>(form);

  const submit = (values: ComposerValues) => {
    problems.clear();
    create.mutate(composerPayload(customerId, { ...emptyComposer(), ...values }), {
      onSuccess: (record) => {
        void message.success(record.taskId ? t('activity.savedWithTask') : t('activity.saved'));
        form.resetFields();
        form.setFieldValue('kind', record.kind);
      },
      onError: problems.show,
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <Form<ComposerValues> form={form} name="follow_up_composer" layout="vertical" requiredMark initialValues={emptyComposer()} onFinish={submit} onKeyDown={onKeyDown} data-testid="follow-up-composer">
      <div ref={problems.topRef} />
      <FormErrorsAlert message={problems.failure} details={problems.details} labelFor={(path) => { const key = labels[path] ?? labels[path.split('.')[0] ?? '']; return key ? t(key) : path; }} />
      <FollowUpMainFields customerId={customerId} />
      <VisitCheckInField />
      <FollowUpDetailFields customerId={customerId} />
      <NextStepFields />
      <Flex vertical gap={8}>
        <ContactGuardAlert customerId={customerId} testId="composer-guard" compact />
        <Flex justify="end" align="center" gap={12} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('activity.shortcut')}
          </Typography.Text>
          <CustomerEmailButton customerId={customerId} customerName={customerName} />
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={create.isPending} data-testid="follow-up-log">
            {t('activity.submit')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

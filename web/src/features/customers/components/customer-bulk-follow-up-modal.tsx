import { Form, Input, Select } from 'antd';
import { followUpBulkCreate, followUpKinds, maxLengthOf, type FollowUpKind } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useBulkFollowUp } from '../api';
import { BulkModal, useConfirmedBulk } from './customer-bulk-modal';

const limit = (field: string) => maxLengthOf(followUpBulkCreate, field);

interface Values {
  kind: FollowUpKind;
  content: string;
  outcome?: string;
  nextOn?: string;
  nextAction?: string;
}

/** The same follow-up logged on the selected customers (all or none), after a counted confirmation; its next step becomes a task for each. */
export function BulkFollowUpModal({ ids, onClose, onDone }: { ids: number[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const confirmed = useConfirmedBulk();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkFollowUp();
  const rules = useFormRules();
  useFocusOnOpen(form, 'content');
  const count = ids.length;

  const submit = (values: Values) => {
    const nextOn = values.nextOn ? values.nextOn : undefined;
    const nextAction = values.nextAction?.trim() ? values.nextAction.trim() : undefined;
    confirmed({
      question: t('bulk.followUpConfirm', { count }),
      confirmTestId: 'bulk-follow-up-confirm',
      run: () => bulk.mutateAsync({ customerIds: ids, kind: values.kind, content: values.content, outcome: values.outcome?.trim() || undefined, nextOn, nextAction }),
      success: (result) => t('bulk.followedUp', { count: result.created }),
      after: () => {
        onDone();
        onClose();
      },
    });
  };

  return (
    <BulkModal title={t('bulk.followUpTitle', { count })} submitTestId="bulk-follow-up-submit" pending={bulk.isPending} onSubmit={() => form.submit()} onCancel={onClose}>
      <Form<Values> form={form} layout="vertical" name="bulk_follow_up_form" initialValues={{ kind: 'call' }} onFinish={submit}>
        <Form.Item name="kind" label={t('activity.f.kind')}>
          <Select options={followUpKinds.map((kind) => ({ value: kind, label: t(`activity.kind.${kind}`) }))} data-testid="bulk-follow-up-kind" />
        </Form.Item>
        <Form.Item name="content" label={t('activity.f.content')} rules={[rules.required, rules.max(limit('content'))]}>
          <Input.TextArea rows={3} placeholder={t('activity.contentPlaceholder')} data-testid="bulk-follow-up-content" />
        </Form.Item>
        <Form.Item name="outcome" label={t('activity.f.outcome')} rules={[rules.max(limit('outcome'))]}>
          <Input />
        </Form.Item>
        <Form.Item name="nextOn" label={t('activity.f.nextOn')}>
          <Input type="date" min={dayjs().format('YYYY-MM-DD')} data-testid="bulk-follow-up-next-on" />
        </Form.Item>
        <Form.Item name="nextAction" label={t('activity.f.nextAction')} rules={[rules.max(limit('nextAction'))]}>
          <Input />
        </Form.Item>
      </Form>
    </BulkModal>
  );
}

import { DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import { followUpRecordCreate, maxLengthOf } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { useContactList } from '../../contacts';
import { KindChoice } from './kind-bits';
import { MentionTextArea } from './mention-text-area';

export const followUpLimit = (field: string) => maxLengthOf(followUpRecordCreate, field);
export const half = { flex: '1 1 200px', minWidth: 0 } as const;

/** The customer's contacts, to say who took part. */
function useContactOptions(customerId: number) {
  const list = useContactList({ customerId, page: 1, pageSize: 200, sort: 'name' });
  return { options: (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name })), loading: list.isPending };
}

/** Kind and content: what happened; on a customer, "@" offers the colleagues to mention. */
export function FollowUpMainFields({ autoFocus = false, customerId }: { autoFocus?: boolean; customerId?: number }) {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Form.Item name="kind" label={t('activity.f.kind')} style={{ marginBottom: 12 }}>
        <KindChoice />
      </Form.Item>
      <Form.Item name="content" label={t('activity.f.content')} extra={t('activity.mentionHint')} rules={[rules.required, rules.max(followUpLimit('content'))]} style={{ marginBottom: 12 }}>
        {customerId === undefined ? (
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={followUpLimit('content')}
            placeholder={t('activity.contentPlaceholder')}
            autoFocus={autoFocus}
            data-testid="follow-up-content"
          />
        ) : (
          <MentionTextArea customerId={customerId} maxLength={followUpLimit('content')} placeholder={t('activity.contentPlaceholder')} autoFocus={autoFocus} data-testid="follow-up-content" />
        )}
      </Form.Item>
    </>
  );
}

/** When, how long, with whom and what came of it. */
export function FollowUpDetailFields({ customerId }: { customerId: number }) {
  const t = useT();
  const rules = useFormRules();
  const contacts = useContactOptions(customerId);
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name="occurredAt" label={t('activity.f.occurredAt')} style={half}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={t('activity.now')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
            data-testid="follow-up-occurred-at"
          />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('activity.f.duration')} style={half}>
          <InputNumber<number> min={0} max={24 * 60} precision={0} suffix={t('activity.minutes')} style={{ width: '100%' }} data-testid="follow-up-duration" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        {contacts.options.length > 0 || contacts.loading ? (
          <Form.Item name="contactIds" label={t('activity.f.contacts')} style={half}>
            <Select<number[]> mode="multiple" options={contacts.options} loading={contacts.loading} optionFilterProp="label" allowClear data-testid="follow-up-contacts" />
          </Form.Item>
        ) : null}
        <Form.Item name="outcome" label={t('activity.f.outcome')} rules={[rules.max(followUpLimit('outcome'))]} style={half}>
          <Input maxLength={followUpLimit('outcome')} placeholder={t('activity.outcomePlaceholder')} autoComplete="off" data-testid="follow-up-outcome" />
        </Form.Item>
      </Flex>
    </>
  );
}

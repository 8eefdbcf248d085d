import { CheckSquareOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { FollowUpRecord } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { CheckInText } from './check-in-text';
import { KindAvatar } from './kind-bits';

interface FollowUpItemProps {
  record: FollowUpRecord;
  onEdit: (record: FollowUpRecord) => void;
  onDelete: (record: FollowUpRecord) => void;
}

/** The next step of a follow-up: its day and action, linked to the task it made. */
function NextStep({ record }: { record: FollowUpRecord }) {
  const t = useT();
  if (!record.nextOn) return null;
  const text = t('activity.nextStep', { date: formatDate(record.nextOn), action: record.nextAction ?? t('activity.followUpAgain') });
  return (
    <Typography.Text style={{ fontSize: 13 }} data-testid="follow-up-next">
      <CheckSquareOutlined /> {record.taskId ? <Link to={`/tasks?task=${record.taskId}`}>{text}</Link> : text}
    </Typography.Text>
  );
}

/** One follow-up on the customer's list: who, when, how, with whom, what was said and what came of it. */
export function FollowUpItem({ record, onEdit, onDelete }: FollowUpItemProps) {
  const t = useT();
  const kind = t(`activity.kind.${record.kind}`);
  return (
    <Flex gap={12} align="start" style={{ width: '100%', minWidth: 0 }} data-testid="follow-up-row">
      <KindAvatar kind={record.kind} />
      <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
            <Typography.Text strong>{record.authorName ?? t('activity.someone')}</Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{kind}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatDateTime(record.occurredAt)}
              {record.durationMinutes ? ` · ${t('activity.durationText', { n: record.durationMinutes })}` : ''}
            </Typography.Text>
          </Flex>
          <Flex gap={0} style={{ flex: 'none' }}>
            {record.can.edit ? (
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(record)} aria-label={t('activity.editLabel', { kind })} data-testid="follow-up-edit" />
            ) : null}
            {record.can.delete ? (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onDelete(record)} aria-label={t('activity.deleteLabel', { kind })} data-testid="follow-up-delete" />
            ) : null}
          </Flex>
        </Flex>
        {record.contacts.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="follow-up-contacts-text">
            {t('activity.with', { names: record.contacts.map((c) => c.name).join('、') })}
          </Typography.Text>
        ) : null}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }} data-testid="follow-up-text">
          {record.content}
        </Typography.Paragraph>
        {record.outcome ? (
          <Typography.Text style={{ fontSize: 13 }} data-testid="follow-up-outcome-text">
            {t('activity.outcomeText', { outcome: record.outcome })}
          </Typography.Text>
        ) : null}
        {record.checkIn ? <CheckInText checkIn={record.checkIn} /> : null}
        <NextStep record={record} />
      </Flex>
    </Flex>
  );
}

import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import type { EmailStatus, OutboxEmail, OutboxList } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { useRetryEmail } from '../api';

export const statusColors: Record<EmailStatus, string> = { queued: 'gold', sending: 'blue', sent: 'green', failed: 'red' };

/** Where an email stands: its status, when it goes next or went, and the server's last answer. */
function State({ email }: { email: OutboxEmail }) {
  const t = useT();
  return (
    <Flex vertical gap={2} style={{ maxWidth: 360 }}>
      <span>
        <Tag color={statusColors[email.status]} data-testid="outbox-status">{t(`email.outbox.status.${email.status}`)}</Tag>
        {email.status === 'queued' && email.nextAttemptAt && email.attempts > 0 ? <Typography.Text type="secondary">{t('email.outbox.next', { time: formatDateTime(email.nextAttemptAt) })}</Typography.Text> : null}
        {email.sentAt ? <Typography.Text type="secondary">{t('email.outbox.sentAt', { time: formatDateTime(email.sentAt) })}</Typography.Text> : null}
      </span>
      {email.lastError && email.status !== 'sent' ? <Typography.Text type="danger" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>{email.lastError}</Typography.Text> : null}
    </Flex>
  );
}

function RetryButton({ email }: { email: OutboxEmail }) {
  const t = useT();
  const { message } = App.useApp();
  const retry = useRetryEmail();
  if (email.status !== 'failed' && email.status !== 'queued') return null;
  return (
    <Button
      size="small"
      icon={<RedoOutlined />}
      loading={retry.isPending}
      onClick={() => retry.mutate(email.id, { onSuccess: () => void message.success(t('email.outbox.retried')), onError: (error) => void message.error(errorMessage(error, t)) })}
      data-testid="outbox-retry"
    >
      {t('email.outbox.retry')}
    </Button>
  );
}

/** A page of the outbox, newest first. */
export function OutboxTable({ list, loading, onPage }: { list: OutboxList; loading: boolean; onPage: (page: number, pageSize: number) => void }) {
  const t = useT();
  const columns: TableProps<OutboxEmail>['columns'] = [
    { key: 'createdAt', title: t('email.outbox.createdAt'), render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</span> },
    { key: 'kind', title: t('email.outbox.kind'), render: (_v, e) => t(`email.kind.${e.kind}`) },
    { key: 'to', title: t('email.outbox.to'), render: (_v, e) => <span style={{ overflowWrap: 'anywhere' }}>{e.to}</span> },
    { key: 'subject', title: t('email.outbox.subject'), render: (_v, e) => <span style={{ overflowWrap: 'anywhere' }}>{e.subject}</span> },
    { key: 'state', title: t('email.outbox.state'), render: (_v, e) => <State email={e} /> },
    { key: 'attempts', title: t('email.outbox.attempts'), align: 'right', render: (_v, e) => e.attempts },
    { key: 'action', title: t('common.actions'), render: (_v, e) => <RetryButton email={e} /> },
  ];
  return (
    <Table<OutboxEmail>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: list.page, pageSize: list.pageSize, total: list.total, showSizeChanger: true, showTotal: (count) => t('common.total', { total: count }), onChange: onPage }}
      data-testid="outbox-table"
    />
  );
}

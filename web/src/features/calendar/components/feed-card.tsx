import { App, Alert, Button, Card, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api';

/**
 * My private iCalendar address: made, remade (the old one stops) or stopped here. The server keeps
 * only its hash, so the address shows once, right after it is made.
 */
export function FeedCard() {
  const t = useT();
  const { message } = App.useApp();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const fail = (error: unknown) => void message.error(errorMessage(error, t));
  const make = () => create.mutate(undefined, { onSuccess: (made) => setUrl(made.url), onError: fail });
  const stop = () => revoke.mutate(undefined, { onSuccess: () => { setUrl(null); void message.success(t('calendar.feed.revoked')); }, onError: fail });

  let body;
  if (feed.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (feed.isError) body = <QueryErrorResult error={feed.error} onRetry={() => void feed.refetch()} />;
  else {
    const state = feed.data;
    body = (
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('calendar.feed.intro')}</Typography.Text>
        <Typography.Text data-testid="calendar-feed-state">
          {state.active ? t('calendar.feed.active', { created: formatDateTime(state.createdAt), used: state.lastUsedAt ? formatDateTime(state.lastUsedAt) : t('calendar.feed.never') }) : t('calendar.feed.none')}
        </Typography.Text>
        {url ? (
          <Alert
            type="success"
            showIcon
            title={t('calendar.feed.copyNow')}
            description={<Typography.Paragraph copyable={{ text: url }} code style={{ marginBottom: 0, overflowWrap: 'anywhere' }} data-testid="calendar-feed-url">{url}</Typography.Paragraph>}
          />
        ) : null}
        <Flex gap={8} wrap>
          {state.active ? (
            <>
              <Popconfirm title={t('calendar.feed.rotateConfirm')} onConfirm={make} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={testId('calendar-feed-rotate-ok')}>
                <Button loading={create.isPending} data-testid="calendar-feed-rotate">{t('calendar.feed.rotate')}</Button>
              </Popconfirm>
              <Popconfirm title={t('calendar.feed.revokeConfirm')} onConfirm={stop} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, ...testId('calendar-feed-revoke-ok') }}>
                <Button danger loading={revoke.isPending} data-testid="calendar-feed-revoke">{t('calendar.feed.revoke')}</Button>
              </Popconfirm>
            </>
          ) : (
            <Button type="primary" onClick={make} loading={create.isPending} data-testid="calendar-feed-create">{t('calendar.feed.create')}</Button>
          )}
        </Flex>
      </Flex>
    );
  }
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('calendar.feed.title')}</Typography.Title>} style={{ marginTop: 16 }} data-testid="calendar-feed">
      {body}
    </Card>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, List, Popover, Skeleton, Typography } from 'antd';
import { notificationPath, type Notification } from '@crm/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api';

/** Where a notification leads, if anywhere (the same page its email links to). */
export const targetOf = (item: Notification): string | null => notificationPath(item);

function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const open = (item: Notification) => {
    if (item.readAt === null) {
      markRead.mutate(item.id, { onError: (error) => void message.error(errorMessage(error, t)) });
    }
    const target = targetOf(item);
    if (target) {
      onNavigate();
      void navigate(target);
    }
  };

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  else
    body = (
      <List<Notification>
        dataSource={list.data.items}
        split
        renderItem={(item) => {
          const unread = item.readAt === null;
          return (
            // The list item holds the button (a list may hold only items).
            <List.Item
              style={{ padding: 0, background: unread ? '#f0f5ff' : undefined, borderRadius: 6 }}
              data-testid="notification-item"
              data-unread={unread ? 'true' : 'false'}
            >
              <div
                role="button"
                tabIndex={0}
                onClick={() => open(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    open(item);
                  }
                }}
                style={{ width: '100%', padding: '12px 8px', cursor: 'pointer' }}
              >
                <Flex gap={8} align="start" style={{ width: '100%' }}>
                  <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 6 }} />
                  <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong={unread} style={{ overflowWrap: 'anywhere' }}>
                      {item.message}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(item.createdAt)}>
                      {fromNow(item.createdAt)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </div>
            </List.Item>
          );
        }}
      />
    );

  const unread = list.data?.unread ?? 0;
  return (
    <Flex vertical gap={8} data-testid="notification-panel">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => void message.success(t('notifications.allRead')),
              onError: (error) => void message.error(errorMessage(error, t)),
            })
          }
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>{body}</div>
    </Flex>
  );
}

/** A phone's notifications: the whole screen, opened by the plain header's bell (app/phone-shell.tsx). */
export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer placement="right" open={open} onClose={onClose} aria-label={t('notifications.title')} size="100%" styles={{ body: { padding: 12 } }}>
      {open ? <NotificationPanel onNavigate={onClose} /> : null}
    </Drawer>
  );
}

/** The header bell on a wide screen: unread count (polled every minute) and the latest notifications. */
export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.unreadLabel', { count: unread }) : t('notifications.title');

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={
        <div style={{ width: 360 }}>
          <NotificationPanel onNavigate={() => setOpen(false)} />
        </div>
      }
    >
      <Button type="text" aria-label={label} title={label} data-testid="notification-bell" style={{ paddingInline: 8 }}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count" data-count={unread}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

import { Flex, Typography } from 'antd';
import type { Notification, Workbench } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { notificationTarget, useMarkNotificationRead } from '../../notifications';
import { workbenchKeys } from '../api';
import { WorkbenchCard } from './workbench-card';

/** 提醒: my unread reminders (pool warnings, renewals, overdue instalments...); opening one marks it read. */
export function RemindersCard({ section }: { section: Workbench['reminders'] | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const markRead = useMarkNotificationRead();
  const read = (item: Notification) => markRead.mutate(item.id, { onSettled: () => void queryClient.invalidateQueries({ queryKey: workbenchKeys.all }) });
  return (
    <WorkbenchCard<Notification>
      title={t('workbench.reminders.title')}
      testId="workbench-reminders"
      section={section}
      rowKey={(n) => n.id}
      empty={t('workbench.reminders.empty')}
      renderItem={(n) => {
        const target = notificationTarget(n);
        return (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            {target ? (
              <Link to={target} onClick={() => read(n)} style={{ overflowWrap: 'anywhere' }}>
                {n.message}
              </Link>
            ) : (
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>{n.message}</Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 13 }} title={formatDateTime(n.createdAt)}>
              {fromNow(n.createdAt)}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}

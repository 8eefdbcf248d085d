import { Alert, App, List, Modal, Skeleton, Switch, Typography } from 'antd';
import type { NotificationKind } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { errorMessage } from '../../../shared/api/error-message';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api';

/** The words for a kind of notification; its code when a newer kind has none yet. */
function useKindLabel() {
  const t = useT();
  return (kind: NotificationKind) => {
    const key = `notifications.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
}

/** 通知设置: which of one's notifications also arrive by email; each switch saves at once. */
export function NotificationPreferencesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const label = useKindLabel();
  const prefs = useNotificationPreferences(open);
  const save = useSaveNotificationPreferences();
  const [saving, setSaving] = useState<NotificationKind | null>(null);

  const toggle = (kind: NotificationKind, email: boolean) => {
    setSaving(kind);
    save.mutate({ preferences: [{ kind, email }] }, {
      onSuccess: () => void message.success(t('prefs.saved')),
      onError: (error) => void message.error(errorMessage(error, t)),
      onSettled: () => setSaving(null),
    });
  };

  let body;
  if (prefs.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (prefs.isError) body = <QueryErrorResult error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else
    body = (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('prefs.intro', { email: prefs.data.emailAddress })} />
        <List
          size="small"
          dataSource={prefs.data.preferences}
          renderItem={(p) => (
            <List.Item
              data-testid={`pref-${p.kind}`}
              extra={<Switch checked={p.email} loading={saving === p.kind} onChange={(on) => toggle(p.kind, on)} aria-label={`${label(p.kind)}: ${t('prefs.email')}`} data-testid={`pref-email-${p.kind}`} />}
            >
              <Typography.Text>{label(p.kind)}</Typography.Text>
            </List.Item>
          )}
        />
      </>
    );
  return (
    <Modal open={open} title={t('prefs.title')} onCancel={onClose} footer={null} destroyOnHidden data-testid="notification-preferences">
      {body}
    </Modal>
  );
}

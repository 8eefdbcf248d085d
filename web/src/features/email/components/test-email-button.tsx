import { SendOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useSendTestEmail } from '../api';

/** Queue a test email to one's own address; the outbox shows when it went. */
export function TestEmailButton({ disabled }: { disabled: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const send = useSendTestEmail();
  return (
    <Button
      icon={<SendOutlined />}
      disabled={disabled}
      loading={send.isPending}
      onClick={() =>
        send.mutate(undefined, {
          onSuccess: (email) => void message.success(t('email.testQueued', { to: email.to })),
          onError: (error) => void message.error(errorMessage(error, t)),
        })
      }
      data-testid="smtp-test"
    >
      {t('email.test')}
    </Button>
  );
}

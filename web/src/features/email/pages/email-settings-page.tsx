import { SettingsPage } from '../../settings';
import { usePermissions } from '../../auth';
import { useEmailSettings } from '../api';
import { OutboxCard } from '../components/outbox-card';
import { SmtpSettingsForm } from '../components/smtp-settings-form';

/** 邮件设置: the SMTP server (read with settings.view) and, for settings.edit, the outbox. */
export function EmailSettingsPage() {
  const { can } = usePermissions();
  return (
    <SettingsPage
      title="email.settings.title"
      subTitle="email.settings.subtitle"
      query={useEmailSettings()}
      renderForm={(props) => (
        <>
          <SmtpSettingsForm {...props} />
          {can('settings.edit') ? <OutboxCard /> : null}
        </>
      )}
    />
  );
}

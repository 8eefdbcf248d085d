import { Alert, Button } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';

/** Shown on 409: someone saved the settings after this page read them; nothing was overwritten. */
export function StaleSettingsAlert({ onReload }: { onReload: () => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="settings-conflict"
      title={t('settings.conflictTitle')}
      description={t('settings.conflictText')}
      action={
        <Button size="small" type="primary" onClick={onReload} data-testid="settings-reload">
          {t('settings.reload')}
        </Button>
      }
    />
  );
}

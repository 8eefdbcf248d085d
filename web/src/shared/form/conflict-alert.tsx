import { Alert, Button } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/translate';

/**
 * Shown on 409: someone saved the record after this form read it; nothing was overwritten. The
 * button loads the current version into the form. Texts and test ids can be a form's own (the
 * browser journeys look for them).
 */
export function ConflictAlert({
  onReload,
  title = 'common.conflictTitle',
  description = 'common.conflictText',
  reloadLabel = 'common.loadCurrent',
  testId = 'conflict-alert',
  reloadTestId = 'conflict-reload',
}: {
  onReload: () => void;
  title?: MessageKey;
  description?: MessageKey;
  reloadLabel?: MessageKey;
  testId?: string;
  reloadTestId?: string;
}) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={t(title)}
      description={t(description)}
      action={
        <Button size="small" type="primary" onClick={onReload} data-testid={reloadTestId}>
          {t(reloadLabel)}
        </Button>
      }
    />
  );
}

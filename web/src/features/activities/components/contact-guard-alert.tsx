import { Alert } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { useContactGuard } from '../api';
import { guardLines } from './guard-text';

/**
 * 撞单提醒: who else contacted this customer within the guard's days, so that two salespeople do
 * not call the same customer. Nothing when no one did. The page shows it on top, the composer
 * again beside its save button.
 */
export function ContactGuardAlert({ customerId, testId, compact = false }: { customerId: number; testId: string; compact?: boolean }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const guard = useContactGuard(customerId, can('followups.view'));
  if (!guard.data || guard.data.recent.length === 0) return null;
  const lines = guardLines(guard.data, t, locale, new Date());
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid={testId}
      style={compact ? undefined : { borderWidth: 2 }}
      title={t('activity.guard.title', { days: guard.data.days })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((line) => (
            <li key={line.userId} data-testid={`${testId}-line`}>
              {line.text}
            </li>
          ))}
        </ul>
      }
    />
  );
}

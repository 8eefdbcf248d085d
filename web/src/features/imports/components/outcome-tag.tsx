import { Tag } from 'antd';
import type { ImportOutcome, ImportStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';

const outcomeColors: Record<ImportOutcome, string> = {
  created: 'green',
  updated: 'blue',
  skipped: 'default',
  rejected: 'red',
};

export function OutcomeTag({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  return (
    <Tag color={outcomeColors[outcome]} style={{ marginInlineEnd: 0 }} data-testid="import-outcome">
      {t(`import.outcome.${outcome}`)}
    </Tag>
  );
}

const statusColors: Record<ImportStatus, string> = {
  uploaded: 'default',
  queued: 'gold',
  running: 'processing',
  finished: 'success',
  failed: 'error',
  cancelled: 'default',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="import-status">
      {t(`import.status.${status}`)}
    </Tag>
  );
}

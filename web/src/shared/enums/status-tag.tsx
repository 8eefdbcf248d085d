import { Tag } from 'antd';
import type { CustomerStatus } from '@crm/contracts';
import { useT } from '../../app/i18n/i18n-context';
import { enumLabel } from './customer-enums';
import { statusColors } from './status-colors';

/** A customer's status as Ant Design's tag (a phone's list cards draw their own: customer-cards.tsx). */
export function StatusTag({ status }: { status: CustomerStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} data-testid="customer-status" style={{ marginInlineEnd: 0 }}>
      {enumLabel(t, 'status', status)}
    </Tag>
  );
}

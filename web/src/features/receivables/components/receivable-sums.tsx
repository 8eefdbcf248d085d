import { Descriptions, Typography } from 'antd';
import type { ContractReceivables } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useMoney } from './receivable-bits';

const figures: Array<{ key: 'amount' | 'planned' | 'received' | 'invoiced' | 'outstanding' | 'overdue'; label: MessageKey }> = [
  { key: 'amount', label: 'recv.f.amount' },
  { key: 'planned', label: 'recv.f.planned' },
  { key: 'received', label: 'recv.f.received' },
  { key: 'invoiced', label: 'recv.f.invoiced' },
  { key: 'outstanding', label: 'recv.f.outstanding' },
  { key: 'overdue', label: 'recv.f.overdue' },
];

/** A contract's receivable figures in yuan: amount, planned, received, invoiced, outstanding and overdue. */
export function ReceivableSums({ state }: { state: ContractReceivables }) {
  const { t } = useI18n();
  const money = useMoney(state.currency);
  // On a phone each figure sits under its label, so that an amount keeps to one line.
  const isMobile = useIsMobile();
  return (
    <Descriptions size="small" column={{ xs: 2, sm: 3 }} layout={isMobile ? 'vertical' : 'horizontal'} data-testid="receivable-sums">
      {figures.map(({ key, label }) => (
        <Descriptions.Item key={key} label={t(label)}>
          <Typography.Text strong={key === 'outstanding'} type={key === 'overdue' && state.overdue > 0 ? 'danger' : undefined} data-testid={`receivable-${key}`}>
            {money.full(state[key])}
          </Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

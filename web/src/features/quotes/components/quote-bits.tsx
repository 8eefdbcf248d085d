import { StarFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import type { QuoteStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';

const colors: Record<QuoteStatus, string> = {
  draft: 'default',
  awaiting_approval: 'orange',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'default',
};

export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const t = useT();
  return (
    <Tag color={colors[status]} style={{ marginInlineEnd: 0 }} data-testid="quote-status">
      {t(`quote.status.${status}`)}
    </Tag>
  );
}

export function CurrentQuoteTag() {
  const t = useT();
  return (
    <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
      {t('quote.current')}
    </Tag>
  );
}

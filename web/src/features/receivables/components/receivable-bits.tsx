import { Tag } from 'antd';
import type { InstalmentStatus } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatMoney } from '../../../shared/format/format';

const colors: Record<InstalmentStatus, string> = { paid: 'green', partly_paid: 'gold', open: 'default', overdue: 'red' };

/** An instalment's state: paid, partly paid, open, or overdue with the days since its due date. */
export function InstalmentStatusTag({ status, daysOverdue, settledOn }: { status: InstalmentStatus; daysOverdue: number; settledOn?: string | null }) {
  const { t } = useI18n();
  // Only an unpaid instalment past its due date counts days, so the days say "overdue" on their own.
  const text = daysOverdue > 0 ? t('recv.daysOverdue', { days: daysOverdue }) : t(`recv.status.${status}`);
  return (
    <Tag color={colors[status]} style={{ marginInlineEnd: 0 }} title={settledOn ? t('recv.settledOn', { date: formatDate(settledOn) }) : undefined} data-testid="instalment-status" data-status={status}>
      {text}
    </Tag>
  );
}

/** Money in the reader's locale; `short` gives 12.35万元 in zh-CN for the summaries. */
export function useMoney(currency = 'CNY') {
  const { locale } = useI18n();
  return {
    full: (fen: number) => formatMoney(fen, currency, locale),
    short: (fen: number) => formatMoney(fen, currency, locale, 'short'),
  };
}

/** A form rule: an amount typed must be above zero (the API takes at least one fen). */
export function usePositiveRule() {
  const { t } = useI18n();
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (typeof value === 'number' && value <= 0) throw new Error(t('recv.positive'));
    },
  };
}

import dayjs from 'dayjs';
import type { Translate } from '../../../app/i18n/translate';
import { formatDate, formatDateTime, fromNow } from '../../../shared/format/format';

/** Today in the browser (YYYY-MM-DD): what "overdue" and "today" mean on screen. */
const today = () => dayjs().format('YYYY-MM-DD');

/** A next follow-up day as shown, and whether it is overdue or today (in the browser's calendar). */
export function nextFollowUpState(on: string | null): { date: string; overdue: boolean; today: boolean } {
  const now = today();
  return { date: on ? formatDate(on) : '', overdue: on !== null && on < now, today: on === now };
}

/** When a customer was last followed up: how long ago (the time on hover), or never. */
export function LastFollowUp({ at, t }: { at: string | null; t: Translate }) {
  if (!at) return <span style={{ color: 'var(--ant-color-text-secondary, #595959)' }}>{t('customer.followUpNever')}</span>;
  return (
    <span title={formatDateTime(at)} style={{ whiteSpace: 'nowrap' }}>
      {fromNow(at)}
    </span>
  );
}

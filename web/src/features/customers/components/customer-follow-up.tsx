import { Tag } from 'antd';
import type { Translate } from '../../../app/i18n/translate';
import { nextFollowUpState } from './customer-follow-up-state';

export { LastFollowUp, nextFollowUpState } from './customer-follow-up-state';

/** A customer's next follow-up day, marked when it is today or overdue. */
export function NextFollowUp({ on, t }: { on: string | null; t: Translate }) {
  if (!on) return null;
  const state = nextFollowUpState(on);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {state.date}{' '}
      {state.overdue ? <Tag color="error">{t('customer.nextOverdue')}</Tag> : state.today ? <Tag color="warning">{t('customer.nextToday')}</Tag> : null}
    </span>
  );
}

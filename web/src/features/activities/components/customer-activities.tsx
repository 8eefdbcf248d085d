import { Card, Divider, Flex, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { ContactGuardAlert } from './contact-guard-alert';
import { FollowUpComposer } from './follow-up-composer';
import { FollowUpList } from './follow-up-list';

type View = 'timeline' | 'follow-ups';

/**
 * The centre of the customer page, where the eye lands: who else contacted the customer lately
 * (撞单提醒), the follow-up composer, and under it the customer's timeline (everything that
 * happened, `timeline`) or its follow-ups alone (to change one); `?activity=follow-ups` picks them.
 */
export function CustomerActivities({ customerId, customerName, timeline }: { customerId: number; customerName: string; timeline: ReactNode }) {
  const t = useT();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const followUps = can('followups.view');
  const view: View = followUps && params.get('activity') === 'follow-ups' ? 'follow-ups' : 'timeline';
  const choose = (next: View) => {
    const out = new URLSearchParams(params);
    if (next === 'timeline') out.delete('activity');
    else out.set('activity', next);
    setParams(out, { replace: true });
  };
  return (
    <Flex vertical gap={16}>
      <ContactGuardAlert customerId={customerId} testId="contact-guard" />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('activity.centreTitle')}</h2>} data-testid="customer-follow-ups">
        {can('followups.create') ? (
          <>
            <FollowUpComposer customerId={customerId} customerName={customerName} />
            <Divider style={{ margin: '16px 0 12px' }} />
          </>
        ) : null}
        {followUps ? (
          <Segmented<View>
            value={view}
            onChange={choose}
            options={[
              { value: 'timeline', label: <span data-testid="activity-view-timeline">{t('activity.viewTimeline')}</span> },
              { value: 'follow-ups', label: <span data-testid="activity-view-follow-ups">{t('activity.viewFollowUps')}</span> },
            ]}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {view === 'timeline' ? timeline : <FollowUpList customerId={customerId} />}
      </Card>
    </Flex>
  );
}

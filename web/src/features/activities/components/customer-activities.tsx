import { Card, Col, Divider, Flex, Row } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { ContactGuardAlert } from './contact-guard-alert';
import { CustomerTasksCard } from './customer-tasks-card';
import { FollowUpComposer } from './follow-up-composer';
import { FollowUpList } from './follow-up-list';

/**
 * The customer page's working area, where the eye lands: who else contacted the customer lately
 * (撞单提醒), the follow-up composer over the follow-ups, and the customer's open tasks beside them
 * (below them on a phone).
 */
export function CustomerActivities({ customerId, customerName }: { customerId: number; customerName: string }) {
  const t = useT();
  const { can } = usePermissions();
  const followUps = can('followups.view');
  const tasks = can('tasks.view');
  if (!followUps && !tasks) return null;
  return (
    <Flex vertical gap={16}>
      <ContactGuardAlert customerId={customerId} testId="contact-guard" />
      <Row gutter={[16, 16]}>
        {followUps ? (
          <Col xs={24} xl={tasks ? 16 : 24}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('activity.title')}</h2>} data-testid="customer-follow-ups">
              {can('followups.create') ? (
                <>
                  <FollowUpComposer customerId={customerId} customerName={customerName} />
                  <Divider style={{ margin: '16px 0 8px' }} />
                </>
              ) : null}
              <FollowUpList customerId={customerId} />
            </Card>
          </Col>
        ) : null}
        {tasks ? (
          <Col xs={24} xl={followUps ? 8 : 24}>
            <CustomerTasksCard customerId={customerId} customerName={customerName} />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}

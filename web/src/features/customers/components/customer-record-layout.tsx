import { Col, Row } from 'antd';
import type { Customer } from '@crm/contracts';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { CustomerActivities } from '../../activities';
import { CustomerFacts } from './customer-facts';
import { CustomerHistory } from './customer-history';
import { CustomerRecordTabs } from './customer-record-tabs';
import { CustomerRelated } from './customer-related';

/**
 * The record page's body. Wide screens: the facts on the left, the composer over the timeline in
 * the middle, the related records on the right. Tablets: the middle first with the related records
 * beside it, the facts below. Phones: the same three parts as tabs.
 */
export function CustomerRecordLayout({ customer }: { customer: Customer }) {
  const isMobile = useIsMobile();
  const activity = <CustomerActivities customerId={customer.id} customerName={customer.name} timeline={<CustomerHistory customerId={customer.id} />} />;
  const related = <CustomerRelated customer={customer} />;
  if (isMobile) return <CustomerRecordTabs activity={activity} facts={<CustomerFacts customer={customer} narrow={false} />} related={related} />;
  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={{ span: 24, order: 3 }} xl={{ span: 7, order: 1 }} xxl={{ span: 6, order: 1 }}>
        <CustomerFacts customer={customer} narrow />
      </Col>
      <Col xs={{ span: 24, order: 1 }} lg={{ span: 14, order: 1 }} xl={{ span: 10, order: 2 }} xxl={{ span: 12, order: 2 }}>
        {activity}
      </Col>
      <Col xs={{ span: 24, order: 2 }} lg={{ span: 10, order: 2 }} xl={{ span: 7, order: 3 }} xxl={{ span: 6, order: 3 }}>
        {related}
      </Col>
    </Row>
  );
}

import { Flex, List, Typography } from 'antd';
import type { FollowUpRecord } from '@crm/contracts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { VisitPlace, type VisitListProps } from './visit-table';

/** The day's visits on a phone: one card each, the check-in under the customer. */
export function VisitCards({ items, loading, total, page, pageSize, onPage }: VisitListProps) {
  const t = useT();
  return (
    <List<FollowUpRecord>
      dataSource={items}
      loading={loading}
      rowKey="id"
      pagination={total > pageSize ? { current: page, pageSize, total, onChange: onPage, size: 'small', showSizeChanger: false } : false}
      data-testid="visit-cards"
      renderItem={(record) => (
        <List.Item data-testid="visit-card">
          <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
            <Flex gap={8} wrap>
              <Typography.Text strong>{dayjs(record.occurredAt).format('HH:mm')}</Typography.Text>
              <Typography.Text>{record.authorName ?? t('activity.someone')}</Typography.Text>
            </Flex>
            <Link to={`/customers/${record.customerId}`} style={{ overflowWrap: 'anywhere' }}>
              {record.customerName}
            </Link>
            <div>
              <VisitPlace record={record} showAccuracy />
            </div>
          </Flex>
        </List.Item>
      )}
    />
  );
}

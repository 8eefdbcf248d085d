import { Pagination, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FollowUpRecord } from '@crm/contracts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { CheckInText } from './check-in-text';

export interface VisitListProps {
  items: FollowUpRecord[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}

/** A visit's check-in, or that there is none. */
export function VisitPlace({ record, showAccuracy }: { record: FollowUpRecord; showAccuracy: boolean }) {
  const t = useT();
  if (!record.checkIn) return <Tag style={{ marginInlineEnd: 0 }}>{t('visit.notCheckedIn')}</Tag>;
  return <CheckInText checkIn={record.checkIn} showAccuracy={showAccuracy} />;
}

/** The day's visits on a wide screen: time, salesperson, customer, where it was checked in and how precisely. */
export function VisitTable({ items, loading, total, page, pageSize, onPage }: VisitListProps) {
  const t = useT();
  const columns: ColumnsType<FollowUpRecord> = [
    { key: 'time', title: t('visit.col.time'), width: 90, render: (_, r) => dayjs(r.occurredAt).format('HH:mm') },
    { key: 'user', title: t('visit.col.user'), width: 140, render: (_, r) => r.authorName ?? t('activity.someone') },
    { key: 'customer', title: t('visit.col.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { key: 'place', title: t('visit.col.place'), render: (_, r) => <VisitPlace record={r} showAccuracy={false} /> },
    {
      key: 'accuracy',
      title: t('visit.col.accuracy'),
      width: 100,
      render: (_, r) => (r.checkIn ? <Typography.Text>{t('visit.accuracy', { n: Math.round(r.checkIn.accuracyMeters) })}</Typography.Text> : null),
    },
  ];
  return (
    <>
      <Table<FollowUpRecord> rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={false} size="middle" data-testid="visit-table" />
      {total > pageSize ? <Pagination current={page} pageSize={pageSize} total={total} onChange={onPage} showSizeChanger={false} style={{ marginTop: 16, textAlign: 'end' }} /> : null}
    </>
  );
}

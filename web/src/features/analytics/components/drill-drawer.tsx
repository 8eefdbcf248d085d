import { Drawer, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CompositionCustomer, CustomerAnalyticsRow, RevenueCustomer } from '@crm/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useClassCustomers, useCompositionCustomers, useRevenueCustomers } from '../dashboard-api';
import { useDashboardText } from './dashboard-text';

/** What a click on a chart opens: the customers of a composition slice, or of an analytics class. */
export type Drill =
  | { kind: 'composition'; label: string; query: Record<string, string | number | undefined> }
  | { kind: 'class'; label: string; query: Record<string, string | number | undefined> }
  | { kind: 'revenue'; label: string; query: Record<string, string | number | undefined> };

const pageSize = 20;

/** The records behind a bar or slice, in a drawer (full width on a phone). */
export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const d = useDashboardText();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [drill]);
  const composition = useCompositionCustomers(drill?.kind === 'composition' ? { ...drill.query, page, pageSize } : null);
  const classes = useClassCustomers(drill?.kind === 'class' ? { ...drill.query, page, pageSize } : null);
  const revenue = useRevenueCustomers(drill?.kind === 'revenue' ? { ...drill.query, page, pageSize } : null);
  const money = (v: number) => formatMoney(v, 'CNY', locale);
  const revenueColumns: ColumnsType<RevenueCustomer> = [
    { title: d('customer'), dataIndex: 'customerName', key: 'name', render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link> },
    { title: d('owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: d('revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: money },
    { title: d('purchases'), dataIndex: 'purchases', key: 'purchases', align: 'right' },
  ];

  const compositionColumns: ColumnsType<CompositionCustomer> = [
    { title: d('customer'), dataIndex: 'name', key: 'name', render: (name: string, r) => <Link to={`/customers/${r.id}`}>{name}</Link> },
    { title: d('owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: d('province'), key: 'region', render: (_, r) => [r.province, r.city].filter(Boolean).join(' ') },
    { title: d('createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => new Date(v).toLocaleDateString(locale) },
  ];
  const classColumns: ColumnsType<CustomerAnalyticsRow> = [
    { title: t('analytics.rank'), dataIndex: 'abcRank', key: 'rank', align: 'right', width: 64 },
    { title: d('customer'), dataIndex: 'customerName', key: 'name', render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link> },
    { title: d('revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: money },
    { title: 'ABC', dataIndex: 'abcClass', key: 'abc' },
    { title: t('analytics.valueClass'), dataIndex: 'valueClass', key: 'value', render: (v: CustomerAnalyticsRow['valueClass']) => t(`analytics.value.${v}`) },
    { title: 'RFM', key: 'rfm', render: (_, r) => t(`analytics.segment.${r.rfmSegment}`) },
    { title: t('analytics.quadrantColumn'), key: 'quadrant', render: (_, r) => t(`analytics.quadrant.${r.quadrant}`) },
    { title: t('analytics.potentialValue'), dataIndex: 'potentialValue', key: 'potential', align: 'right', render: money },
  ];
  const pagination = (total: number) => ({ current: page, pageSize, total, showSizeChanger: false, onChange: setPage, size: 'small' as const });

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      title={drill ? d('drillTitle', { label: drill.label }) : ''}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
      data-testid="dashboard-drill"
    >
      {drill?.kind === 'composition' ? (
        <Table
          rowKey="id"
          size="small"
          columns={compositionColumns}
          dataSource={composition.data?.items ?? []}
          loading={composition.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(composition.data?.total ?? 0)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('noData')} /> }}
          data-testid="dashboard-drill-table"
        />
      ) : null}
      {drill?.kind === 'class' ? (
        <Table
          rowKey="customerId"
          size="small"
          columns={classColumns}
          dataSource={classes.data?.items ?? []}
          loading={classes.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(classes.data?.total ?? 0)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('noData')} /> }}
          data-testid="dashboard-drill-table"
        />
      ) : null}
      {drill?.kind === 'revenue' ? (
        <Table
          rowKey="customerId"
          size="small"
          columns={revenueColumns}
          dataSource={revenue.data?.items ?? []}
          loading={revenue.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(revenue.data?.total ?? 0)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d('noData')} /> }}
          data-testid="dashboard-drill-table"
        />
      ) : null}
    </Drawer>
  );
}

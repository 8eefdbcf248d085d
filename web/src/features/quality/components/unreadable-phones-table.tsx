import { Alert, Empty, Flex, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { UnreadablePhone } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useUnreadablePhones } from '../api';

/** Where a record with an unreadable number is corrected: the customer page (a contact's too) or the lead. */
function recordLink(item: UnreadablePhone): string {
  if (item.recordType === 'lead') return `/leads/${item.recordId}`;
  return `/customers/${item.customerId ?? item.recordId}`;
}

/** The data-quality list "Phone numbers that cannot be read": record, field and the value as stored. */
export function UnreadablePhonesTable({ page, pageSize, onPage }: { page: number; pageSize: number; onPage: (page: number, pageSize: number) => void }) {
  const { t } = useI18n();
  const list = useUnreadablePhones(page, pageSize);

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.total === 0) return <Empty description={t('quality.phones.empty')} data-testid="quality-empty" />;

  const columns: TableProps<UnreadablePhone>['columns'] = [
    {
      key: 'record',
      title: t('quality.phones.record'),
      render: (_v, item) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Tag style={{ marginInlineEnd: 0 }}>{t(`quality.phones.type.${item.recordType}`)}</Tag>
            <Link to={recordLink(item)} data-testid="quality-phone-link">
              {item.name}
            </Link>
          </Flex>
          {item.recordType === 'contact' && item.customerName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('quality.phones.contactOf', { customer: item.customerName })}
            </Typography.Text>
          ) : item.archiveNo ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.archiveNo}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'field', title: t('quality.phones.field'), render: (_v, item) => t(`quality.phones.field.${item.field}`) },
    {
      key: 'value',
      title: t('quality.phones.value'),
      render: (_v, item) => <Typography.Text code>{item.value}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('quality.phones.hint')} />
      <Table<UnreadablePhone>
        rowKey={(item) => `${item.recordType}-${item.recordId}-${item.field}`}
        size="middle"
        columns={columns}
        dataSource={list.data.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data.total,
          showSizeChanger: true,
          pageSizeOptions: ['10', '20', '50', '100'],
          showTotal: (count) => t('common.total', { total: count }),
          onChange: onPage,
        }}
        data-testid="quality-table-phones"
      />
    </Flex>
  );
}

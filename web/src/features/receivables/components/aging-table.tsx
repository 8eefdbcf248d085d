import { Card, Descriptions, Empty, Flex, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { agingBuckets, type Aging, type AgingGroup, type AgingRow } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useMoney } from './receivable-bits';

interface AgingTableProps {
  aging: Aging;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** A row's name: a customer links to its page; an owner or department is text ("no department" for contracts without one). */
function GroupName({ row, groupBy }: { row: AgingRow; groupBy: AgingGroup }) {
  const { t } = useI18n();
  if (groupBy === 'customer' && row.id !== null) return <Link to={`/customers/${row.id}`}>{row.name ?? row.id}</Link>;
  return <span>{row.name ?? t(groupBy === 'department' ? 'recv.noDepartment' : 'recv.noOwner')}</span>;
}

/** Receivables by customer, owner or department in the aging buckets, largest total first; cards on a phone. */
export function AgingTable({ aging, loading, onPage }: AgingTableProps) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const money = useMoney();
  const groupBy = aging.groupBy;
  if (aging.total === 0) return <Empty description={t('recv.agingEmpty')} data-testid="aging-empty" />;
  const pagination = { current: aging.page, pageSize: aging.pageSize, total: aging.total, onChange: onPage, showTotal: (count: number) => t('common.total', { total: count }) };
  const key = (r: AgingRow) => String(r.id ?? 'none');

  if (isMobile) {
    return (
      <List<AgingRow>
        loading={loading}
        dataSource={aging.rows}
        rowKey={key}
        pagination={{ ...pagination, simple: true, align: 'center' }}
        data-testid="aging-table"
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }} data-testid="aging-row">
            <Flex justify="space-between" gap={8} style={{ marginBottom: 4 }}>
              <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <GroupName row={r} groupBy={groupBy} />
              </Typography.Text>
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{money.full(r.total)}</Typography.Text>
            </Flex>
            <Descriptions size="small" column={2}>
              {agingBuckets.filter((b) => r[b] !== 0).map((b) => (
                <Descriptions.Item key={b} label={t(`recv.bucket.${b}`)}>{money.full(r[b])}</Descriptions.Item>
              ))}
            </Descriptions>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<AgingRow> = [
    { title: t(`recv.col.${groupBy}`), key: 'name', render: (_, r) => <GroupName row={r} groupBy={groupBy} /> },
    ...agingBuckets.map((b) => ({ title: t(`recv.bucket.${b}`), key: b, align: 'right' as const, render: (_: unknown, r: AgingRow) => (r[b] === 0 ? <Typography.Text type="secondary">–</Typography.Text> : money.full(r[b])) })),
    { title: t('recv.bucket.total'), key: 'total', align: 'right', render: (_, r) => <strong>{money.full(r.total)}</strong> },
  ];
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Table<AgingRow> rowKey={key} size="middle" columns={columns} dataSource={aging.rows} loading={loading} pagination={{ ...pagination, showSizeChanger: true, pageSizeOptions: ['20', '50', '100', '200'], style: { marginInline: 16 } }} scroll={{ x: 'max-content' }} data-testid="aging-table" />
    </Card>
  );
}

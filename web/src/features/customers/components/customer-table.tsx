import { Flex, Table, type TableProps } from 'antd';
import type { Customer } from '@crm/contracts';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { arrangeColumns } from './customer-columns';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { OwnerLabel, PhoneLink, regionText } from './customer-bits';
import { enumLabel, StatusTag } from './customer-enums';
import type { CustomerListParams } from './customer-list-params';
import { defaultSort, pageSizes } from './customer-list-params';

type SortKey = 'name' | 'archiveNo' | 'updatedAt';

interface CustomerTableProps {
  view: CustomerListParams;
  items: Customer[];
  total: number;
  /** The server stopped counting at `total`: shown as "10,000+". */
  totalCapped?: boolean;
  loading: boolean;
  onChange: (patch: Partial<CustomerListParams>) => void;
  /** Row selection for bulk actions; left out when the user has none. */
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  /** The column chooser's keys, in order (all built-in columns when absent). */
  visibleColumns?: string[];
  /** Columns the chooser can add (custom fields, more built-ins). */
  extraColumns?: ColumnType<Customer>[];
}

function sortOrder(view: CustomerListParams, key: SortKey): 'ascend' | 'descend' | null {
  if (view.sort === key) return 'ascend';
  if (view.sort === `-${key}`) return 'descend';
  return null;
}

export function CustomerTable({
  view,
  items,
  total,
  totalCapped,
  loading,
  onChange,
  selectedIds,
  onSelect,
  visibleColumns,
  extraColumns,
}: CustomerTableProps) {
  const { t } = useI18n();

  const columns: TableProps<Customer>['columns'] = [
    {
      key: 'archiveNo',
      title: t('customer.f.archiveNo'),
      dataIndex: 'archiveNo',
      sorter: true,
      sortOrder: sortOrder(view, 'archiveNo'),
      width: 150,
    },
    {
      key: 'name',
      title: t('customer.f.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder(view, 'name'),
      render: (_value, customer) => (
        <Link to={`/customers/${customer.id}`} data-testid="customer-link">
          {customer.name}
        </Link>
      ),
    },
    { key: 'kind', title: t('customer.f.kind'), render: (_v, c) => enumLabel(t, 'kind', c.kind) },
    { key: 'category', title: t('customer.f.category'), render: (_v, c) => enumLabel(t, 'category', c.category) },
    { key: 'status', title: t('customer.f.status'), render: (_v, c) => <StatusTag status={c.status} /> },
    {
      key: 'lifecycleStage',
      title: t('customer.f.lifecycleStage'),
      render: (_v, c) => enumLabel(t, 'lifecycle', c.lifecycleStage),
    },
    { key: 'owner', title: t('customer.f.ownerId'), render: (_v, c) => <OwnerLabel customer={c} /> },
    {
      key: 'phone',
      title: t('customer.f.phoneMobile'),
      render: (_v, c) => (
        <Flex vertical>
          <PhoneLink phone={c.phone} />
          <PhoneLink phone={c.mobile} />
        </Flex>
      ),
    },
    { key: 'region', title: t('customer.f.region'), render: (_v, c) => regionText(c) },
    {
      key: 'updatedAt',
      title: t('customer.f.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder(view, 'updatedAt'),
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
  ];

  const handleChange: TableProps<Customer>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Customer> | undefined;
      const key = s?.columnKey;
      const sort =
        s?.order && (key === 'name' || key === 'archiveNo' || key === 'updatedAt')
          ? s.order === 'ascend'
            ? key
            : (`-${key}` as const)
          : defaultSort;
      onChange({ sort, page: 1 });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? view.pageSize });
  };

  return (
    <Table<Customer>
      rowKey="id"
      size="middle"
      columns={arrangeColumns(columns, extraColumns ?? [], visibleColumns)}
      dataSource={items}
      loading={loading}
      onChange={handleChange}
      scroll={{ x: 'max-content' }}
      sortDirections={['ascend', 'descend']}
      rowSelection={
        selectedIds && onSelect
          ? { selectedRowKeys: selectedIds, onChange: (keys) => onSelect(keys.map(Number)) }
          : undefined
      }
      pagination={{
        current: view.page,
        pageSize: view.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: pageSizes.map(String),
        showTotal: (count) => t('common.total', { total: totalCapped ? `${count.toLocaleString()}+` : count }),
      }}
      data-testid="customer-table"
    />
  );
}

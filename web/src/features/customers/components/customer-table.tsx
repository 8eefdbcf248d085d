import { Flex, type TableProps } from 'antd';
import type { Customer } from '@crm/contracts';
import { arrangeColumns } from './customer-column-state';
import { useExtraColumns } from './customer-extra-columns';
import type { CustomField } from '../../custom-fields';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { ListTable, sortOrder } from '../../../shared/layout/list-table';
import { CustomerInlineField } from './customer-inline-field';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel } from '../../../shared/enums/customer-enums';
import type { CustomerListParams } from './customer-list-params';
import { defaultSort, pageSizes } from './customer-list-params';
import { followUpColumns } from './customer-follow-up-columns';

type SortKey = 'name' | 'archiveNo' | 'updatedAt' | 'lastFollowUpAt' | 'nextFollowUpOn' | 'createdAt';

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
  /** The active custom fields: columns the chooser can add, beside more built-ins. */
  customFields: CustomField[];
}

const sortKeys: readonly SortKey[] = ['name', 'archiveNo', 'updatedAt', 'lastFollowUpAt', 'nextFollowUpOn', 'createdAt'];

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
  customFields,
}: CustomerTableProps) {
  const { t } = useI18n();
  const extraColumns = useExtraColumns(customFields);

  const columns: TableProps<Customer>['columns'] = [
    {
      key: 'archiveNo',
      title: t('customer.f.archiveNo'),
      dataIndex: 'archiveNo',
      sorter: true,
      sortOrder: sortOrder(view.sort, 'archiveNo'),
      width: 150,
    },
    {
      key: 'name',
      title: t('customer.f.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder(view.sort, 'name'),
      render: (_value, customer) => (
        <Link to={`/customers/${customer.id}`} data-testid="customer-link">
          {customer.name}
        </Link>
      ),
    },
    { key: 'kind', title: t('customer.f.kind'), render: (_v, c) => enumLabel(t, 'kind', c.kind) },
    { key: 'category', title: t('customer.f.category'), render: (_v, c) => enumLabel(t, 'category', c.category) },
    { key: 'status', title: t('customer.f.status'), render: (_v, c) => <CustomerInlineField customer={c} field="status" label={t('customer.f.status')} /> },
    {
      key: 'lifecycleStage',
      title: t('customer.f.lifecycleStage'),
      render: (_v, c) => <CustomerInlineField customer={c} field="lifecycleStage" label={t('customer.f.lifecycleStage')} />,
    },
    { key: 'owner', title: t('customer.f.ownerId'), render: (_v, c) => <CustomerInlineField customer={c} field="ownerId" label={t('customer.f.ownerId')} /> },
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
      sortOrder: sortOrder(view.sort, 'updatedAt'),
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    ...followUpColumns(t, view.sort, (c) => <CustomerInlineField customer={c} field="nextFollowUpOn" label={t('customer.f.nextFollowUpOn')} />),
  ];

  return (
    <ListTable<Customer, CustomerListParams['sort']>
      columns={arrangeColumns(columns, extraColumns, visibleColumns)}
      items={items}
      loading={loading}
      total={total}
      totalCapped={totalCapped}
      view={view}
      sortKeys={sortKeys}
      defaultSort={defaultSort}
      pageSizes={pageSizes}
      onChange={onChange}
      selectedIds={selectedIds}
      onSelect={onSelect}
      testId="customer-table"
    />
  );
}

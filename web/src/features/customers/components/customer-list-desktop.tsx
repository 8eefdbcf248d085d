import { PlusOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import { withRest } from '../../../app/rest-of-app';
import { useT } from '../../../app/i18n/i18n-context';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { CustomFieldFilters } from '../../custom-fields';
import { MergeSelectedButton } from '../../duplicates';
import { ExportButton, ImportButton } from '../../imports';
import { ListViewBar } from '../../list-views';
import { CustomerBulkBar } from '../../pool';
import { CustomerBulkActions } from './customer-bulk-actions';
import { exportColumnsFor } from './customer-column-state';
import { CustomerColumnChooser } from './customer-columns';
import { CustomerFilters } from './customer-filters';
import { hasFilters } from './customer-list-params';
import { tagsOf, type CustomerListModel } from './customer-list-model';
import { CustomerMoreFilters } from './customer-more-filters';

// The table (Ant Design's Table with its filter trees and selection) is fetched at start-up beside the page (router.tsx).
const CustomerTable = lazy(() => withRest(import('./customer-table')).then((m) => ({ default: m.CustomerTable })));
// The form (date pickers, the region cascader, phone checks) loads when it is first opened.
const CustomerFormDrawer = lazy(() => withRest(import('./customer-form-drawer')).then((m) => ({ default: m.CustomerFormDrawer })));

/** The customer list on a wide screen: the table with its column chooser, filters and bulk actions. */
export function CustomerListDesktop({ model }: { model: CustomerListModel }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { view, params, customFilters, apiQuery, columns, views, list, selectedIds, setSelectedIds, selection, creating, setCreating, update, updateCustomFilters, clear } = model;

  const createButton = can('customers.create') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
      {t('customer.create')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (list.isError) {
    body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.total === 0 && list.data.items.length === 0) {
    body = (
      <ListEmpty
        filtered={hasFilters(view) || Object.keys(customFilters).length > 0}
        filteredText={t('customer.emptyFiltered')}
        onClear={clear}
        title={t('customer.emptyTitle')}
        text={t('customer.emptyText')}
        testId="customer-empty"
      >
        {createButton}
        <ImportButton entity="customers" />
      </ListEmpty>
    );
  } else {
    body = (
      <>
        <CustomerBulkBar
          selectedIds={selectedIds}
          onClear={() => setSelectedIds([])}
          extra={<CustomerBulkActions selectedIds={selectedIds} selectedTags={tagsOf(list.data.items, selectedIds)} onDone={() => setSelectedIds([])} />}
        />
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <CustomerTable
            view={view}
            items={list.data.items}
            total={list.data.total}
            totalCapped={list.data.totalCapped}
            loading={list.isFetching}
            onChange={update}
            {...selection}
            visibleColumns={columns.visible}
            customFields={columns.customFields}
          />
        </Suspense>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('customer.title')}
        extra={
          <>
            <MergeSelectedButton selectedIds={selectedIds} />
            <CustomerColumnChooser all={columns.all} visible={columns.visible} onChange={columns.setVisible} onReset={columns.reset} />
            <ImportButton entity="customers" />
            <ExportButton entity="customers" filters={apiQuery} columns={exportColumnsFor(columns.visible)} />
            {createButton}
          </>
        }
      />
      {/* Drawn like Ant Design's card (whose module carries its tabs) on the first page's budget. */}
      <div style={{ padding: 24, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}>
        <ListViewBar state={views} />
        <CustomerFilters
          view={view}
          onChange={update}
          onClear={clear}
          extra={
            <>
              <CustomerMoreFilters view={view} onChange={update} />
              <CustomFieldFilters entity="customer" params={params} onChange={updateCustomFilters} />
            </>
          }
        />
        {body}
      </div>
      {creating === null ? null : (
        <Suspense fallback={null}>
          <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(customer) => void navigate(`/customers/${customer.id}`)} />
        </Suspense>
      )}
    </>
  );
}

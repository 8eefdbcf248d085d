import { PlusOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import type { Customer } from '@crm/contracts';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { withRestStyles } from '../../../app/antd-styles';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { CustomerBulkBar, useCanBulkMove } from '../../pool';
import { CustomFieldFilters, customFilterEntries, keepCustomFilters } from '../../custom-fields';
import { MergeSelectedButton, useCanMerge } from '../../duplicates';
import { ExportButton, ImportButton } from '../../imports';
import { CustomerColumnChooser, exportColumnsFor, useCustomerColumns } from '../components/customer-columns';
import { useCustomerList } from '../api';
import { CustomerBulkActions, useCanBulkEdit } from '../components/customer-bulk-actions';
import { CustomerCards } from '../components/customer-cards';
import { CustomerFilters } from '../components/customer-filters';
import { CustomerMoreFilters } from '../components/customer-more-filters';
import { ListViewBar, useListViewState } from '../../list-views';
import {
  hasFilters,
  parseListParams,
  toApiQuery,
  toSearchParams,
  type CustomerListParams,
} from '../components/customer-list-params';

// The table (Ant Design's Table with its filter trees and selection) is for wider screens: a phone
// shows cards and never downloads it; a desktop fetches it at start-up beside the page (router.tsx).
const CustomerTable = lazy(() => withRestStyles(import('../components/customer-table')).then((m) => ({ default: m.CustomerTable })));
// The form (date pickers, the region cascader, phone checks) loads when it is first opened.
const CustomerFormDrawer = lazy(() => withRestStyles(import('../components/customer-form-drawer')).then((m) => ({ default: m.CustomerFormDrawer })));

/** The tags the selected customers of the page carry, each once, in the order met. */
function tagsOf(items: Customer[], ids: number[]): string[] {
  const chosen = new Set(ids);
  return [...new Set(items.filter((c) => chosen.has(c.id)).flatMap((c) => c.tags))];
}

export function CustomerListPage() {
  const t = useT();
  useDocumentTitle(t('customer.title'));
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  // The same objects while the URL stays: the cards skip re-rendering when only the page around them changes.
  const view = useMemo(() => parseListParams(params), [params]);
  // Custom-field filters (cf_*) travel in the URL beside the list's own parameters.
  const customFilters = customFilterEntries(params);
  const apiQuery = { ...toApiQuery(view), ...customFilters };
  const columns = useCustomerColumns();
  // Saved views; with an empty URL the list waits for the user's default view.
  const views = useListViewState('customers', params, setParams, { columns: { visible: columns.visible, set: columns.setVisible } });
  const list = useCustomerList(apiQuery, views.ready);
  const canMerge = useCanMerge();
  /** null until the form is first opened. */
  const [creating, setCreating] = useState<boolean | null>(null);
  const canBulkMove = useCanBulkMove();
  const canBulkEdit = useCanBulkEdit();
  const [selectedIds, setSelectedIds] = useState<number[]>([]);

  const update = useCallback(
    (patch: Partial<CustomerListParams>) => {
      // A new filter starts again from the first page; paging keeps the filters.
      const paging = 'page' in patch || 'pageSize' in patch;
      setSelectedIds([]);
      setParams(keepCustomFilters(params, toSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...patch })));
    },
    [params, view, setParams],
  );
  const updateCustomFilters = (patch: Record<string, string | undefined>) => {
    const next = keepCustomFilters(params, toSearchParams({ ...view, page: 1 }));
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSelectedIds([]);
    setParams(next);
  };
  const clear = () => setParams(toSearchParams({ ...parseListParams(new URLSearchParams()), pageSize: view.pageSize, sort: view.sort }));

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
    const props = {
      view,
      items: list.data.items,
      total: list.data.total,
      totalCapped: list.data.totalCapped,
      loading: list.isFetching,
      onChange: update,
    };
    const selection = canBulkMove || canBulkEdit || canMerge ? { selectedIds, onSelect: setSelectedIds } : {};
    body = (
      <>
        <CustomerBulkBar
          selectedIds={selectedIds}
          onClear={() => setSelectedIds([])}
          extra={<CustomerBulkActions selectedIds={selectedIds} selectedTags={tagsOf(list.data.items, selectedIds)} onDone={() => setSelectedIds([])} />}
        />
        {isMobile ? (
          <CustomerCards {...props} {...selection} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <CustomerTable {...props} {...selection} visibleColumns={columns.visible} customFields={columns.customFields} />
          </Suspense>
        )}
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
            {isMobile ? null : (
              <CustomerColumnChooser all={columns.all} visible={columns.visible} onChange={columns.setVisible} onReset={columns.reset} />
            )}
            <ImportButton entity="customers" />
            <ExportButton entity="customers" filters={apiQuery} columns={exportColumnsFor(columns.visible)} />
            {createButton}
          </>
        }
      />
      {/* Drawn like Ant Design's card (whose module carries its tabs) on the first page's budget. */}
      <div style={{ padding: isMobile ? 12 : 24, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}>
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
          <CustomerFormDrawer
            open={creating}
            onClose={() => setCreating(false)}
            onSaved={(customer) => void navigate(`/customers/${customer.id}`)}
          />
        </Suspense>
      )}
    </>
  );
}

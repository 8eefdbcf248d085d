import { Button, Flex } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { CustomFieldFilters } from '../../custom-fields';
import { MergeSelectedButton } from '../../duplicates';
import { ExportButton, ImportButton } from '../../imports';
import { CustomerBulkBar } from '../../pool';
import { CustomerBulkActions } from './customer-bulk-actions';
import { exportColumnsFor } from './customer-column-state';
import { FilterSelects } from './customer-filters';
import { activeFilterCount, hasFilters } from './customer-list-params';
import { tagsOf, type CustomerListModel } from './customer-list-model';
import { CustomerMoreFilters } from './customer-more-filters';

// The parts of a phone's customer list drawn with Ant Design, each loaded when first needed
// (customer-list-phone.tsx): the filter controls, the list's other actions, the bulk bar, the empty state.

/** The filter controls, opened under the search box. */
export function PhoneFilters({ model }: { model: CustomerListModel }) {
  const t = useT();
  const { view, params, update, updateCustomFilters, clear } = model;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <FilterSelects view={view} onChange={update} hideOwner={false} />
      <CustomerMoreFilters view={view} onChange={update} />
      <CustomFieldFilters entity="customer" params={params} onChange={updateCustomFilters} />
      {activeFilterCount(view) > 0 || view.q ? (
        <Button type="link" onClick={clear} data-testid="filter-clear">
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** Merge, import and export, opened from the page's "more" button. */
export function PhoneMoreActions({ model }: { model: CustomerListModel }) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="customer-more-actions">
      <MergeSelectedButton selectedIds={model.selectedIds} />
      <ImportButton entity="customers" />
      <ExportButton entity="customers" filters={model.apiQuery} columns={exportColumnsFor(model.columns.visible)} />
    </Flex>
  );
}

/** What to do with the selected cards. */
export function PhoneBulkBar({ model }: { model: CustomerListModel }) {
  const { selectedIds, setSelectedIds, list } = model;
  return (
    <CustomerBulkBar
      selectedIds={selectedIds}
      onClear={() => setSelectedIds([])}
      extra={<CustomerBulkActions selectedIds={selectedIds} selectedTags={tagsOf(list.data?.items ?? [], selectedIds)} onDone={() => setSelectedIds([])} />}
    />
  );
}

/** No customers (at all, or for the filters). */
export function PhoneEmpty({ model, onCreate }: { model: CustomerListModel; onCreate: (() => void) | null }) {
  const t = useT();
  return (
    <ListEmpty
      filtered={hasFilters(model.view) || Object.keys(model.customFilters).length > 0}
      filteredText={t('customer.emptyFiltered')}
      onClear={model.clear}
      title={t('customer.emptyTitle')}
      text={t('customer.emptyText')}
      testId="customer-empty"
    >
      {onCreate ? (
        <Button type="primary" onClick={onCreate} data-testid="customer-create-empty">
          {t('customer.create')}
        </Button>
      ) : null}
      <ImportButton entity="customers" />
    </ListEmpty>
  );
}

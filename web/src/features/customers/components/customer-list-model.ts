import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { customFilterEntries, keepCustomFilters } from '../../custom-fields';
import { useCanMerge } from '../../duplicates';
import { useListViewState } from '../../list-views';
import { useCanBulkMove } from '../../pool';
import { useCustomerList } from '../api';
import { useCanBulkEdit } from './can-bulk-edit';
import { useCustomerColumns } from './customer-column-state';
import { parseListParams, toApiQuery, toSearchParams, type CustomerListParams } from './customer-list-params';

/**
 * The customer list's state, the same on a phone (plain cards) and a wide screen (the table):
 * the URL's filters, the saved views, the page of customers, the selection.
 */
export function useCustomerListModel() {
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
  const canBulkMove = useCanBulkMove();
  const canBulkEdit = useCanBulkEdit();
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  /** null until the create form is first opened. */
  const [creating, setCreating] = useState<boolean | null>(null);

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
  const selection = canBulkMove || canBulkEdit || canMerge ? { selectedIds, onSelect: setSelectedIds } : {};

  return { params, view, customFilters, apiQuery, columns, views, list, selectedIds, setSelectedIds, selection, creating, setCreating, update, updateCustomFilters, clear };
}

export type CustomerListModel = ReturnType<typeof useCustomerListModel>;

/** The tags the selected customers of the page carry, each once, in the order met. */
export function tagsOf(items: { id: number; tags: string[] }[], ids: number[]): string[] {
  const chosen = new Set(ids);
  return [...new Set(items.filter((c) => chosen.has(c.id)).flatMap((c) => c.tags))];
}

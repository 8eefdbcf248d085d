import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  BulkDeleteResult,
  BulkTagsResult,
  BulkUpdateResult,
  Customer,
  CustomerBulkTags,
  CustomerBulkUpdate,
  CustomerCreate,
  CustomerListQuery,
  CustomerUpdate,
  FollowUpBulkCreate,
  FollowUpBulkResult,
  HistoryAction,
  HistoryEntry,
  IndustriesState,
  IndustriesUpdate,
  ListResponse,
} from '@crm/contracts';
import { apiRequest, isApiError } from '../../shared/api/client';

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  history: (id: number) => ['customers', 'history', id] as const,
};

const customerListQuery = (query: CustomerListQuery) => ({
  queryKey: customerKeys.list(query),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ListResponse<Customer>>('/customers', { query: { ...query }, signal }),
});

/** A page of the customer list; `enabled` false holds it (the list waits for its default view). */
export function useCustomerList(query: CustomerListQuery, enabled = true) {
  return useQuery({ ...customerListQuery(query), placeholderData: keepPreviousData, enabled });
}

/** Fetches a page of the list ahead of the page that shows it (at start-up, beside its files); settles, never fails. */
export function prefetchCustomerList(queryClient: QueryClient, query: CustomerListQuery): Promise<void> {
  return queryClient.prefetchQuery(customerListQuery(query));
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Customer>(`/customers/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The customer's timeline, newest first, a page at a time ("load more"), optionally only some actions. */
export function useCustomerHistory(id: number, actions: readonly HistoryAction[] = []) {
  return useInfiniteQuery({
    queryKey: [...customerKeys.history(id), actions.join(',')],
    queryFn: ({ signal, pageParam }) =>
      apiRequest<ListResponse<HistoryEntry>>(`/customers/${id}/history`, {
        query: { page: pageParam, pageSize: 20, actions: [...actions] },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerCreate) => apiRequest<Customer>('/customers', { method: 'POST', body }),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}

export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerUpdate) =>
      apiRequest<Customer>(`/customers/${id}`, { method: 'PATCH', body }),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', customer.id] });
    },
  });
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/customers/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    },
  });
}

/** Add or remove tags on the selected customers (all or none). */
export function useBulkTagCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerBulkTags) => apiRequest<BulkTagsResult>('/customers/bulk-tags', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

/** Move the selected customers to the recycle bin (all or none). */
export function useBulkDeleteCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => apiRequest<BulkDeleteResult>('/customers/bulk-delete', { method: 'POST', body: { ids } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    },
  });
}

const industriesKey = ['settings', 'customer-industries'] as const;

/** The industries list (行业; every signed-in user reads it: forms, filters and labels). */
export function useIndustries(enabled = true) {
  return useQuery({
    queryKey: industriesKey,
    queryFn: ({ signal }) => apiRequest<IndustriesState>('/settings/customer-industries', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSaveIndustries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndustriesUpdate) => apiRequest<IndustriesState>('/settings/customer-industries', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(industriesKey, state),
  });
}

/** Put a customer as now stored into every cached list page and its record. */
function storeCustomer(queryClient: ReturnType<typeof useQueryClient>, customer: Customer) {
  queryClient.setQueryData(customerKeys.detail(customer.id), customer);
  queryClient.setQueriesData<ListResponse<Customer>>({ queryKey: ['customers', 'list'] }, (page) =>
    page ? { ...page, items: page.items.map((c) => (c.id === customer.id ? customer : c)) } : page,
  );
}

/**
 * One field of a customer changed in place (the lists' and the record page's inline edit),
 * version-checked: on a 409 the row and the record show what is stored now.
 */
export function useInlineUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customer, change }: { customer: Pick<Customer, 'id' | 'version'>; change: Omit<CustomerUpdate, 'version'> }) =>
      apiRequest<Customer>(`/customers/${customer.id}`, { method: 'PATCH', body: { ...change, version: customer.version } }),
    onSuccess: (customer) => {
      storeCustomer(queryClient, customer);
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', customer.id] });
    },
    onError: (error, { customer }) => {
      if (isApiError(error) && error.status === 409 && error.current && typeof error.current === 'object') storeCustomer(queryClient, error.current as Customer);
      else void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id) });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}

/** Set one field on the selected customers (all or none). */
export function useBulkUpdateCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerBulkUpdate) => apiRequest<BulkUpdateResult>('/customers/bulk-update', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

/** Log the same follow-up on the selected customers (all or none). */
export function useBulkFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpBulkCreate) => apiRequest<FollowUpBulkResult>('/follow-ups/bulk', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkDeleteResult,
  BulkTagsResult,
  Customer,
  CustomerBulkTags,
  CustomerCreate,
  CustomerListQuery,
  CustomerUpdate,
  HistoryAction,
  HistoryEntry,
  IndustriesState,
  IndustriesUpdate,
  ListResponse,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  history: (id: number) => ['customers', 'history', id] as const,
};

/** A page of the customer list; `enabled` false holds it (the list waits for its default view). */
export function useCustomerList(query: CustomerListQuery, enabled = true) {
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Customer>>('/customers', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
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

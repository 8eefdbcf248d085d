import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Customer,
  CustomerMerge,
  CustomerMergeRecord,
  DuplicateCheck,
  DuplicateCheckResult,
  ListResponse,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const mergeKeys = {
  list: (customerId: number) => ['customers', 'merges', customerId] as const,
};

/** Likely duplicates of the values being typed (visible ones with id, others with owner name only). */
export function useDuplicateCheck() {
  return useMutation({
    mutationFn: (body: DuplicateCheck) =>
      apiRequest<DuplicateCheckResult>('/customers/duplicate-check', { method: 'POST', body }),
  });
}

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerMerge) => apiRequest<Customer>('/customers/merge', { method: 'POST', body }),
    onSuccess: (survivor, body) => {
      queryClient.setQueryData(['customers', 'detail', survivor.id], survivor);
      for (const id of body.mergedIds) queryClient.removeQueries({ queryKey: ['customers', 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['data-quality'] });
    },
  });
}

/** Merges involving the customer, as survivor or as merged record. */
export function useCustomerMerges(customerId: number) {
  return useQuery({
    queryKey: mergeKeys.list(customerId),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<CustomerMergeRecord>>(`/customers/${customerId}/merges`, {
        query: { page: 1, pageSize: 50 },
        signal,
      }),
  });
}

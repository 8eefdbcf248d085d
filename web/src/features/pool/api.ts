import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Customer, CustomerRelease, CustomerTransfer, TransferResult } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

/** After an owner move: lists, the pool, the record, its timeline and the owners' counts change. */
function refreshAfterMove(queryClient: QueryClient, customer?: Customer) {
  if (customer) queryClient.setQueryData(['customers', 'detail', customer.id], customer);
  void queryClient.invalidateQueries({ queryKey: ['customers'] });
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

export function useClaimCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<Customer>(`/customers/${id}/claim`, { method: 'POST' }),
    onSuccess: (customer) => refreshAfterMove(queryClient, customer),
  });
}

/**
 * Claims several pool customers one after the other; stops at the first refusal (the limit is
 * the usual reason, and the next claims would be refused for the same reason).
 */
export function useClaimCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      let claimed = 0;
      try {
        for (const id of ids) {
          await apiRequest<Customer>(`/customers/${id}/claim`, { method: 'POST' });
          claimed += 1;
        }
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { claimed });
      }
      return claimed;
    },
    onSettled: () => refreshAfterMove(queryClient),
  });
}

export function useReleaseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CustomerRelease }) =>
      apiRequest<Customer | undefined>(`/customers/${id}/release`, { method: 'POST', body }),
    onSuccess: (customer) => refreshAfterMove(queryClient, customer ?? undefined),
  });
}

/** Releases several customers (bulk action on the list); stops at the first refusal. */
export function useReleaseCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      let released = 0;
      try {
        for (const id of ids) {
          await apiRequest<Customer>(`/customers/${id}/release`, { method: 'POST', body: {} });
          released += 1;
        }
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { released });
      }
      return released;
    },
    onSettled: () => refreshAfterMove(queryClient),
  });
}

export function useTransferCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerTransfer) =>
      apiRequest<TransferResult>('/customers/transfer', { method: 'POST', body }),
    onSuccess: () => refreshAfterMove(queryClient),
  });
}

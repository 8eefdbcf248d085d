import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Aging,
  AgingExportQuery,
  AgingQuery,
  ContractReceivables,
  DueInstalment,
  InstalmentListQuery,
  InvoiceCreate,
  ListResponse,
  PaymentCreate,
  PaymentList,
  PaymentListQuery,
  PaymentPlanWrite,
} from '@crm/contracts';
import { API_BASE, apiRequest, buildQuery } from '../../shared/api/client';

export const receivableKeys = {
  all: ['receivables'] as const,
  contract: (contractId: number) => ['receivables', 'contract', contractId] as const,
  payments: (query: PaymentListQuery) => ['receivables', 'payments', query] as const,
  aging: (query: AgingQuery) => ['receivables', 'aging', query] as const,
  instalments: (query: InstalmentListQuery) => ['receivables', 'instalments', query] as const,
};

/**
 * After a change to one contract's receivables: its card shows the server's answer at once, and
 * every list and figure that sums receivables (aging, DSO, payments, overdue instalments) reloads.
 */
function refresh(queryClient: QueryClient, contractId: number, state?: ContractReceivables): void {
  if (state) queryClient.setQueryData(receivableKeys.contract(contractId), state);
  void queryClient.invalidateQueries({ queryKey: receivableKeys.all, predicate: (q) => !(state && q.queryKey[1] === 'contract' && q.queryKey[2] === contractId) });
  // The contract's history records each change; the customer page may show its open receivables.
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'history', contractId] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'detail'] });
}

/** GET /contracts/:id/receivables: the plan, payments and invoices of one contract with its sums. */
export function useContractReceivables(contractId: number, enabled = true) {
  return useQuery({
    queryKey: receivableKeys.contract(contractId),
    queryFn: ({ signal }) => apiRequest<ContractReceivables>(`/contracts/${contractId}/receivables`, { signal }),
    enabled,
  });
}

export function useSavePaymentPlan(contractId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentPlanWrite) => apiRequest<ContractReceivables>(`/contracts/${contractId}/payment-plan`, { method: 'PUT', body }),
    onSuccess: (state) => refresh(queryClient, contractId, state),
  });
}

export function useRecordPayment(contractId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentCreate) => apiRequest<ContractReceivables>(`/contracts/${contractId}/payments`, { method: 'POST', body }),
    onSuccess: (state) => refresh(queryClient, contractId, state),
  });
}

export function useRecordInvoice(contractId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceCreate) => apiRequest<ContractReceivables>(`/contracts/${contractId}/invoices`, { method: 'POST', body }),
    onSuccess: (state) => refresh(queryClient, contractId, state),
  });
}

/** DELETE /payments/:id or /invoices/:id; the contract's card reloads. */
export function useDeleteEntry(contractId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: 'payments' | 'invoices'; id: number }) => apiRequest<void>(`/${kind}/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(queryClient, contractId),
  });
}

export function usePayments(query: PaymentListQuery, enabled = true) {
  return useQuery({
    queryKey: receivableKeys.payments(query),
    queryFn: ({ signal }) => apiRequest<PaymentList>('/payments', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAging(query: AgingQuery, enabled = true) {
  return useQuery({
    queryKey: receivableKeys.aging(query),
    queryFn: ({ signal }) => apiRequest<Aging>('/receivables/aging', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDueInstalments(query: InstalmentListQuery, enabled = true) {
  return useQuery({
    queryKey: receivableKeys.instalments(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<DueInstalment>>('/receivables/instalments', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The download address of the aging report with its filters, every row (the browser downloads the file itself). */
export function agingExportHref(query: AgingExportQuery): string {
  return `${API_BASE}/receivables/aging/export${buildQuery({ ...query, format: query.format ?? 'xlsx' })}`;
}

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Contact,
  Contract,
  ContractCreate,
  ContractFrom,
  ContractListQuery,
  ContractNumbering,
  ContractNumberingUpdate,
  ContractRenewals,
  ContractRenewalSettings,
  ContractRenewalSettingsUpdate,
  ContractStatus,
  ContractUpdate,
  HistoryEntry,
  ListResponse,
  Opportunity,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';
import { refreshApprovals } from '../approvals';

export const contractKeys = {
  all: ['contracts'] as const,
  lists: ['contracts', 'list'] as const,
  list: (query: ContractListQuery) => ['contracts', 'list', query] as const,
  renewals: (days: number | undefined, page: number, pageSize: number) => ['contracts', 'renewals', days, page, pageSize] as const,
  detail: (id: number) => ['contracts', 'detail', id] as const,
  history: (id: number) => ['contracts', 'history', id] as const,
  numbering: ['settings', 'contract-numbering'] as const,
  renewalSettings: ['settings', 'contract-renewals'] as const,
};

/** After a save: the record, the lists, its history and its customer (whose figures and timeline may move). */
function refresh(queryClient: QueryClient, contract: Contract): void {
  queryClient.setQueryData(contractKeys.detail(contract.id), contract);
  void queryClient.invalidateQueries({ queryKey: contractKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'renewals'] });
  void queryClient.invalidateQueries({ queryKey: contractKeys.history(contract.id) });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', contract.customerId] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'history', contract.customerId] });
}

export function useContractList(query: ContractListQuery, enabled = true) {
  return useQuery({
    queryKey: contractKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Contract>>('/contracts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRenewals(days: number | undefined, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: contractKeys.renewals(days, page, pageSize),
    queryFn: ({ signal }) => apiRequest<ContractRenewals>('/contracts/renewals', { query: { days, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContract(id: number) {
  return useQuery({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Contract>(`/contracts/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useContractHistory(id: number) {
  return useQuery({
    queryKey: contractKeys.history(id),
    queryFn: ({ signal }) => apiRequest<ListResponse<HistoryEntry>>(`/contracts/${id}/history`, { query: { pageSize: 100 }, signal }),
  });
}

export function useSaveContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ContractCreate | ContractUpdate }) =>
      id === undefined ? apiRequest<Contract>('/contracts', { method: 'POST', body }) : apiRequest<Contract>(`/contracts/${id}`, { method: 'PATCH', body }),
    onSuccess: (contract) => refresh(queryClient, contract),
  });
}

export function useContractStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contract, status }: { contract: Contract; status: ContractStatus }) =>
      apiRequest<Contract>(`/contracts/${contract.id}/status`, { method: 'POST', body: { status, version: contract.version } }),
    onSuccess: (contract) => {
      refresh(queryClient, contract);
      // Submitting or withdrawing changes the approval queue and the contract's approval card.
      refreshApprovals(queryClient);
    },
  });
}

export function useDeleteContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contract: Contract) => apiRequest<void>(`/contracts/${contract.id}`, { method: 'DELETE' }),
    onSuccess: (_void, contract) => {
      void queryClient.invalidateQueries({ queryKey: contractKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', contract.customerId] });
    },
  });
}

/** POST /opportunities/:id/contract: a draft contract from a won deal. */
export function useContractFromDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dealId, body }: { dealId: number; body: ContractFrom }) => apiRequest<Contract>(`/opportunities/${dealId}/contract`, { method: 'POST', body }),
    onSuccess: (contract) => refresh(queryClient, contract),
  });
}

/** Customers matching a search, for the form's customer picker. */
export function useCustomerChoices(q: string) {
  return useQuery({
    queryKey: ['contracts', 'customer-choices', q],
    queryFn: ({ signal }) => apiRequest<ListResponse<{ id: number; name: string; archiveNo: string }>>('/customers', { query: { q: q || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A customer's deals, for the form's deal picker. */
export function useDealChoices(customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['contracts', 'deal-choices', customerId],
    queryFn: ({ signal }) => apiRequest<ListResponse<Opportunity>>('/opportunities', { query: { customerId, pageSize: 100 }, signal }),
    enabled: enabled && customerId !== undefined,
  });
}

/** A customer's contacts, for the form's contacts. */
export function useContactChoices(customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['contracts', 'contact-choices', customerId],
    queryFn: ({ signal }) => apiRequest<ListResponse<Contact>>('/contacts', { query: { customerId, pageSize: 200 }, signal }),
    enabled: enabled && customerId !== undefined,
  });
}

export function useContractNumbering() {
  return useQuery({ queryKey: contractKeys.numbering, queryFn: ({ signal }) => apiRequest<ContractNumbering>('/settings/contract-numbering', { signal }) });
}

export function useSaveContractNumbering() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractNumberingUpdate) => apiRequest<ContractNumbering>('/settings/contract-numbering', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(contractKeys.numbering, state),
  });
}

export function useRenewalSettings() {
  return useQuery({ queryKey: contractKeys.renewalSettings, queryFn: ({ signal }) => apiRequest<ContractRenewalSettings>('/settings/contract-renewals', { signal }) });
}

export function useSaveRenewalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractRenewalSettingsUpdate) => apiRequest<ContractRenewalSettings>('/settings/contract-renewals', { method: 'PUT', body }),
    onSuccess: (state) => {
      queryClient.setQueryData(contractKeys.renewalSettings, state);
      void queryClient.invalidateQueries({ queryKey: ['contracts', 'renewals'] });
    },
  });
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AssignmentRulesState,
  AssignmentRulesUpdate,
  HistoryEntry,
  Lead,
  LeadAssign,
  LeadConvert,
  LeadConvertResult,
  LeadCreate,
  LeadDisqualify,
  LeadDuplicateCheck,
  LeadDuplicateResult,
  LeadListQuery,
  LeadSourcesState,
  LeadSourcesUpdate,
  LeadUpdate,
  ListResponse,
  TransferResult,
} from '@crm/contracts';
import { apiRequest, isApiError } from '../../shared/api/client';

export const leadKeys = {
  all: ['leads'] as const,
  list: (query: LeadListQuery) => ['leads', 'list', query] as const,
  detail: (id: number) => ['leads', 'detail', id] as const,
  history: (id: number) => ['leads', 'history', id] as const,
  sources: ['settings', 'lead-sources'] as const,
  rules: ['settings', 'lead-assignment'] as const,
};

/** After any change to a lead: the record itself (when known), every list and its timeline. */
function refreshLead(queryClient: QueryClient, lead?: Lead) {
  if (lead) queryClient.setQueryData(leadKeys.detail(lead.id), lead);
  void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['leads', 'history'] });
  void queryClient.invalidateQueries({ queryKey: ['search'] });
}

export function useLeadList(query: LeadListQuery, enabled = true) {
  return useQuery({
    queryKey: leadKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Lead>>('/leads', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLead(id: number) {
  return useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Lead>(`/leads/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The lead's own timeline, newest first, a page at a time. */
export function useLeadHistory(id: number) {
  return useInfiniteQuery({
    queryKey: leadKeys.history(id),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<ListResponse<HistoryEntry>>(`/leads/${id}/history`, { query: { page: pageParam, pageSize: 20 }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadCreate) => apiRequest<Lead>('/leads', { method: 'POST', body }),
    onSuccess: (lead) => {
      refreshLead(queryClient, lead);
      // The assignment rules may have notified someone (possibly the creator).
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useUpdateLead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadUpdate) => apiRequest<Lead>(`/leads/${id}`, { method: 'PATCH', body }),
    onSuccess: (lead) => refreshLead(queryClient, lead),
  });
}

export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/leads/${id}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: leadKeys.detail(id) });
      refreshLead(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    },
  });
}

export function useClaimLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<Lead>(`/leads/${id}/claim`, { method: 'POST', body: {} }),
    onSuccess: (lead) => refreshLead(queryClient, lead),
  });
}

/** Error thrown by a bulk action that stopped part-way: how many were done before the refusal. */
export interface PartialFailure {
  done: number;
  cause: unknown;
}

export function isPartialFailure(error: unknown): error is PartialFailure {
  return typeof error === 'object' && error !== null && 'done' in error && 'cause' in error;
}

/**
 * Claims several pool leads one after the other; stops at the first refusal (someone else was
 * faster, or a limit): the rest would most likely be refused for the same reason.
 */
export function useClaimLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      let done = 0;
      for (const id of ids) {
        try {
          await apiRequest<Lead>(`/leads/${id}/claim`, { method: 'POST', body: {} });
        } catch (cause) {
          const failure: PartialFailure = { done, cause };
          throw failure;
        }
        done += 1;
      }
      return done;
    },
    onSettled: () => refreshLead(queryClient),
  });
}

export function useReleaseLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason?: string }) =>
      apiRequest<Lead | undefined>(`/leads/${id}/release`, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: (lead, { id }) => {
      if (lead) refreshLead(queryClient, lead);
      else {
        void queryClient.invalidateQueries({ queryKey: leadKeys.detail(id) });
        refreshLead(queryClient);
      }
    },
  });
}

/** Gives leads to one user (all or none); the server notifies the new owner. */
export function useAssignLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadAssign) => apiRequest<TransferResult>('/leads/assign', { method: 'POST', body }),
    onSuccess: (_data, body) => {
      for (const id of body.leadIds) void queryClient.invalidateQueries({ queryKey: leadKeys.detail(id) });
      refreshLead(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useDisqualifyLead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadDisqualify) => apiRequest<Lead>(`/leads/${id}/disqualify`, { method: 'POST', body }),
    onSuccess: (lead) => refreshLead(queryClient, lead),
  });
}

export function useConvertLead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadConvert) => apiRequest<LeadConvertResult>(`/leads/${id}/convert`, { method: 'POST', body }),
    onSuccess: (result) => {
      refreshLead(queryClient, result.lead);
      // A customer, a contact and maybe a deal were created or changed.
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
    },
  });
}

export function checkLeadDuplicates(body: LeadDuplicateCheck, signal?: AbortSignal): Promise<LeadDuplicateResult> {
  return apiRequest<LeadDuplicateResult>('/leads/duplicate-check', { method: 'POST', body, ...(signal ? { signal } : {}) });
}

/** The lead sources (every signed-in user may read them: lists and forms show their labels). */
export function useLeadSources(enabled = true) {
  return useQuery({
    queryKey: leadKeys.sources,
    queryFn: ({ signal }) => apiRequest<LeadSourcesState>('/settings/lead-sources', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSaveLeadSources() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadSourcesUpdate) => apiRequest<LeadSourcesState>('/settings/lead-sources', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(leadKeys.sources, state),
  });
}

export function useAssignmentRules() {
  return useQuery({
    queryKey: leadKeys.rules,
    queryFn: ({ signal }) => apiRequest<AssignmentRulesState>('/settings/lead-assignment', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveAssignmentRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentRulesUpdate) =>
      apiRequest<AssignmentRulesState>('/settings/lead-assignment', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(leadKeys.rules, state),
  });
}

/** Put a lead as now stored into every cached list page and its record. */
function storeLead(queryClient: QueryClient, lead: Lead) {
  queryClient.setQueryData(leadKeys.detail(lead.id), lead);
  queryClient.setQueriesData<ListResponse<Lead>>({ queryKey: ['leads', 'list'] }, (page) =>
    page ? { ...page, items: page.items.map((l) => (l.id === lead.id ? lead : l)) } : page,
  );
}

/** A lead's field changed in place from the list, version-checked: on a 409 the row shows what is stored now. */
export function useInlineUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lead, change }: { lead: Pick<Lead, 'id' | 'version'>; change: Omit<LeadUpdate, 'version'> }) =>
      apiRequest<Lead>(`/leads/${lead.id}`, { method: 'PATCH', body: { ...change, version: lead.version } }),
    onSuccess: (lead) => {
      storeLead(queryClient, lead);
      refreshLead(queryClient);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409 && error.current && typeof error.current === 'object') storeLead(queryClient, error.current as Lead);
      refreshLead(queryClient);
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Contact,
  Customer,
  Forecast,
  ForecastQuery,
  LeadSourcesState,
  ListResponse,
  Opportunity,
  OpportunityBoard,
  OpportunityBoardQuery,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityMove,
  OpportunityUpdate,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
  SalesSettingsState,
  SalesSettingsUpdate,
  StageHistoryEntry,
  TransferResult,
} from '@crm/contracts';
import { apiRequest, isApiError } from '../../shared/api/client';

export const opportunityKeys = {
  all: ['opportunities'] as const,
  lists: ['opportunities', 'list'] as const,
  list: (query: OpportunityListQuery) => ['opportunities', 'list', query] as const,
  boards: ['opportunities', 'board'] as const,
  board: (query: OpportunityBoardQuery) => ['opportunities', 'board', query] as const,
  detail: (id: number) => ['opportunities', 'detail', id] as const,
  stageHistory: (id: number) => ['opportunities', 'stage-history', id] as const,
  forecast: (query: ForecastQuery) => ['opportunities', 'forecast', query] as const,
  pipelines: ['pipelines'] as const,
  salesSettings: ['settings', 'sales'] as const,
  leadSources: ['settings', 'lead-sources'] as const,
};

/** Every list, board and forecast figure may change when one deal does. */
function invalidateDeals(queryClient: QueryClient, deal?: Opportunity): void {
  void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists });
  void queryClient.invalidateQueries({ queryKey: opportunityKeys.boards });
  void queryClient.invalidateQueries({ queryKey: ['opportunities', 'forecast'] });
  if (deal) {
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.stageHistory(deal.id) });
    // The deal writes to its customer's timeline.
    void queryClient.invalidateQueries({ queryKey: ['customers', 'history', deal.customerId] });
  }
}

export function useOpportunityList(query: OpportunityListQuery, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Opportunity>>('/opportunities', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOpportunityBoard(query: OpportunityBoardQuery, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.board(query),
    queryFn: ({ signal }) => apiRequest<OpportunityBoard>('/opportunities/board', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One more page of a board column's cards (the board shows the first ones). */
export function fetchStagePage(query: OpportunityListQuery): Promise<ListResponse<Opportunity>> {
  return apiRequest<ListResponse<Opportunity>>('/opportunities', { query: { ...query } });
}

export function useOpportunity(id: number) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Opportunity>(`/opportunities/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useStageHistory(id: number) {
  return useQuery({
    queryKey: opportunityKeys.stageHistory(id),
    queryFn: ({ signal }) => apiRequest<{ items: StageHistoryEntry[] }>(`/opportunities/${id}/stage-history`, { signal }),
    select: (data) => data.items,
  });
}

export function useForecast(query: ForecastQuery) {
  return useQuery({
    queryKey: opportunityKeys.forecast(query),
    queryFn: ({ signal }) => apiRequest<Forecast>('/forecast', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpportunityCreate) => apiRequest<Opportunity>('/opportunities', { method: 'POST', body }),
    onSuccess: (deal) => {
      queryClient.setQueryData(opportunityKeys.detail(deal.id), deal);
      invalidateDeals(queryClient, deal);
    },
  });
}

export function useUpdateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: OpportunityUpdate }) =>
      apiRequest<Opportunity>(`/opportunities/${id}`, { method: 'PATCH', body }),
    onSuccess: (deal) => {
      queryClient.setQueryData(opportunityKeys.detail(deal.id), deal);
      invalidateDeals(queryClient, deal);
    },
  });
}

/**
 * The board's drag and drop (and "move to stage"). The board refetches itself once it has
 * settled, so only the other views are invalidated here.
 */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: OpportunityMove }) =>
      apiRequest<Opportunity>(`/opportunities/${id}/move`, { method: 'POST', body }),
    onSuccess: (deal) => {
      queryClient.setQueryData(opportunityKeys.detail(deal.id), deal);
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['opportunities', 'forecast'] });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.stageHistory(deal.id) });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', deal.customerId] });
    },
  });
}

export function useTransferOpportunities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { opportunityIds: number[]; ownerId: number }) =>
      apiRequest<TransferResult>('/opportunities/transfer', { method: 'POST', body }),
    onSuccess: (_result, body) => {
      invalidateDeals(queryClient);
      for (const id of body.opportunityIds) void queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history'] });
    },
  });
}

export function useDeleteOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deal: Opportunity) => apiRequest<void>(`/opportunities/${deal.id}`, { method: 'DELETE' }),
    onSuccess: (_data, deal) => {
      // The deal's own page and stage history are left alone: asked again they would answer 404
      // while the page that deleted is still on screen.
      invalidateDeals(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', deal.customerId] });
      void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    },
  });
}

/** The pipelines with their stages (active and inactive; the board uses the active ones). */
export function usePipelines(enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.pipelines,
    queryFn: ({ signal }) => apiRequest<{ items: Pipeline[] }>('/pipelines', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

export function useCreatePipeline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineCreate) => apiRequest<Pipeline>('/pipelines', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.pipelines });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.boards });
    },
  });
}

export function useUpdatePipeline() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PipelineUpdate }) =>
      apiRequest<Pipeline>(`/pipelines/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.pipelines });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
    },
  });
}

/** Lost reasons, big-deal amount, currencies: readable by every signed-in user. */
export function useSalesSettings() {
  return useQuery({
    queryKey: opportunityKeys.salesSettings,
    queryFn: ({ signal }) => apiRequest<SalesSettingsState>('/settings/sales', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveSalesSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesSettingsUpdate) => apiRequest<SalesSettingsState>('/settings/sales', { method: 'PUT', body }),
    onSuccess: (state) => {
      queryClient.setQueryData(opportunityKeys.salesSettings, state);
      // Rates and the big-deal amount change the figures the server computes.
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
    },
  });
}

/** The lead sources (labels for a deal's source), readable by every signed-in user. */
export function useLeadSources() {
  return useQuery({
    queryKey: opportunityKeys.leadSources,
    queryFn: ({ signal }) => apiRequest<LeadSourcesState>('/settings/lead-sources', { signal }),
    staleTime: 60_000,
  });
}

/** Customers whose name matches, for the deal form's customer choice. */
export function useCustomerSearch(q: string) {
  const query = { q, page: 1, pageSize: 20, sort: 'name' };
  return useQuery({
    queryKey: ['customers', 'list', query],
    queryFn: ({ signal }) => apiRequest<ListResponse<Customer>>('/customers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The contacts of one customer, for the deal's contacts and their roles. */
export function useCustomerContactOptions(customerId: number | undefined) {
  const query = { customerId, page: 1, pageSize: 200, sort: 'name' };
  return useQuery({
    queryKey: ['contacts', 'list', query],
    queryFn: ({ signal }) => apiRequest<ListResponse<Contact>>('/contacts', { query, signal }),
    enabled: customerId !== undefined,
    select: (data) => data.items,
  });
}

/** Put a deal as now stored into every cached list page and its record. */
function storeDeal(queryClient: QueryClient, deal: Opportunity) {
  queryClient.setQueryData(opportunityKeys.detail(deal.id), deal);
  queryClient.setQueriesData<ListResponse<Opportunity>>({ queryKey: opportunityKeys.lists }, (page) =>
    page ? { ...page, items: page.items.map((d) => (d.id === deal.id ? deal : d)) } : page,
  );
}

/** A deal's field changed in place from the list, version-checked: on a 409 the row shows what is stored now. */
export function useInlineUpdateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deal, change }: { deal: Pick<Opportunity, 'id' | 'version'>; change: Omit<OpportunityUpdate, 'version'> }) =>
      apiRequest<Opportunity>(`/opportunities/${deal.id}`, { method: 'PATCH', body: { ...change, version: deal.version } }),
    onSuccess: (deal) => {
      storeDeal(queryClient, deal);
      invalidateDeals(queryClient, deal);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409 && error.current && typeof error.current === 'object') storeDeal(queryClient, error.current as Opportunity);
      invalidateDeals(queryClient);
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalyticsRun, AnalyticsSettings, AnalyticsSettingsUpdate, AnalyticsSummary, CustomerAnalytics, CustomerAnalyticsRow, LifecycleKeep } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const analyticsKeys = {
  all: ['analytics'] as const,
  summary: () => ['analytics', 'summary'] as const,
  customers: (query: Record<string, string | number | undefined>) => ['analytics', 'customers', query] as const,
  run: (id: number) => ['analytics', 'run', id] as const,
};

export interface CustomerAnalyticsPage {
  items: CustomerAnalyticsRow[];
  total: number;
  page: number;
  pageSize: number;
  run: AnalyticsRun | null;
}

export function useAnalyticsSummary() {
  return useQuery({ queryKey: analyticsKeys.summary(), queryFn: ({ signal }) => apiRequest<AnalyticsSummary>('/analytics/summary', { signal }) });
}

export function useCustomerAnalytics(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: analyticsKeys.customers(query),
    queryFn: ({ signal }) => apiRequest<CustomerAnalyticsPage>('/analytics/customers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A run's progress, read every second until it is done or failed (then the figures are read again). */
export function useAnalyticsRun(id: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: analyticsKeys.run(id ?? 0),
    queryFn: async ({ signal }) => {
      const run = await apiRequest<AnalyticsRun>(`/analytics/runs/${id}`, { signal });
      if (run.status !== 'running') void queryClient.invalidateQueries({ queryKey: ['analytics', 'summary'] }).then(() => queryClient.invalidateQueries({ queryKey: ['analytics', 'customers'] }));
      return run;
    },
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function useStartAnalyticsRun() {
  return useMutation({ mutationFn: () => apiRequest<AnalyticsRun>('/analytics/runs', { method: 'POST' }) });
}

/** One customer's classes with their explanations and service policy (GET /analytics/customers/:id). */
export function useCustomerAnalyticsCard(customerId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'customer', customerId] as const,
    queryFn: ({ signal }) => apiRequest<CustomerAnalytics>(`/analytics/customers/${customerId}`, { signal }),
    enabled,
  });
}

/** "Keep mine": the record's stage or status stays, the derived value named is not suggested again until it changes. */
export function useKeepRecord(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LifecycleKeep) => apiRequest<CustomerAnalytics>(`/analytics/customers/${customerId}/keep-record`, { method: 'POST', body }),
    onSuccess: (data) => {
      queryClient.setQueryData(['analytics', 'customer', customerId], data);
      void queryClient.invalidateQueries({ queryKey: ['analytics', 'customers'] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['analytics', 'customer', customerId] }),
  });
}

export function useAnalyticsSettings() {
  return useQuery({ queryKey: ['analytics', 'settings'] as const, queryFn: ({ signal }) => apiRequest<AnalyticsSettings>('/settings/analytics', { signal }) });
}

export function useSaveAnalyticsSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalyticsSettingsUpdate) => apiRequest<AnalyticsSettings>('/settings/analytics', { method: 'PUT', body }),
    onSuccess: (state) => {
      queryClient.setQueryData(['analytics', 'settings'], state);
      void queryClient.invalidateQueries({ queryKey: ['analytics', 'customer'] });
    },
  });
}

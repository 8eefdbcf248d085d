import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Customer,
  DataQualityIssue,
  DataQualityItem,
  DataQualitySettingsResponse,
  DataQualitySettingsUpdate,
  DataQualitySummary,
  ListResponse,
  UnreadablePhone,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const qualityKeys = {
  all: ['data-quality'] as const,
  summary: ['data-quality', 'summary'] as const,
  list: (issue: DataQualityIssue, page: number, pageSize: number) => ['data-quality', 'list', issue, page, pageSize] as const,
  settings: ['data-quality', 'settings'] as const,
};

export function useQualitySummary() {
  return useQuery({
    queryKey: qualityKeys.summary,
    queryFn: ({ signal }) => apiRequest<DataQualitySummary>('/data-quality/summary', { signal }),
    // Counting over the whole scope is not free: the detail pages share one answer for a minute.
    staleTime: 60_000,
  });
}

export function useQualityList(issue: DataQualityIssue, page: number, pageSize: number) {
  return useQuery({
    queryKey: qualityKeys.list(issue, page, pageSize),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<DataQualityItem>>('/data-quality', { query: { issue, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQualitySettings() {
  return useQuery({
    queryKey: qualityKeys.settings,
    queryFn: ({ signal }) => apiRequest<DataQualitySettingsResponse>('/settings/data-quality', { signal }),
  });
}

export function useSaveQualitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DataQualitySettingsUpdate) =>
      apiRequest<DataQualitySettingsResponse>('/settings/data-quality', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(qualityKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['data-quality', 'summary'] });
      void queryClient.invalidateQueries({ queryKey: ['data-quality', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'detail'] });
    },
  });
}

/** "Confirm accurate": resets the customer's freshness. */
export function useConfirmCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<Customer>(`/customers/${id}/confirm`, { method: 'POST', body: {} }),
    onSuccess: (customer) => {
      if (customer && typeof customer === 'object' && 'id' in customer) {
        queryClient.setQueryData(['customers', 'detail', id], customer);
      } else {
        void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', id] });
      }
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', id] });
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
    },
  });
}

/** Phone numbers that cannot be read (kept as typed), of the customers, contacts and leads the user may see. */
export function useUnreadablePhones(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['data-quality', 'unreadable-phones', page, pageSize] as const,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<UnreadablePhone>>('/data-quality/unreadable-phones', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

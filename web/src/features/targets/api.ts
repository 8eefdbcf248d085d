import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attainment, TargetMetric, TargetsWrite, TargetYear } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const targetKeys = {
  all: ['targets'] as const,
  year: (year: number, metric: TargetMetric) => ['targets', 'year', year, metric] as const,
  attainment: (period: string, metric: TargetMetric) => ['targets', 'attainment', period, metric] as const,
};

export function useTargetYear(year: number, metric: TargetMetric, enabled = true) {
  return useQuery({
    queryKey: targetKeys.year(year, metric),
    queryFn: ({ signal }) => apiRequest<TargetYear>('/targets', { query: { year, metric }, signal }),
    enabled,
  });
}

export function useAttainment(period: string, metric: TargetMetric, enabled = true) {
  return useQuery({
    queryKey: targetKeys.attainment(period, metric),
    queryFn: ({ signal }) => apiRequest<Attainment>('/targets/attainment', { query: { period, metric }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetsWrite) => apiRequest<TargetYear>('/targets', { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attainment, TargetMetric, TargetsWrite, TargetYear } from '@crm/contracts';
import { API_BASE, apiRequest, buildQuery } from '../../shared/api/client';

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

/** The download address of the attainment report as .xlsx, same period and metric (the browser downloads the file itself). */
export function attainmentExportHref(period: string, metric: TargetMetric): string {
  return `${API_BASE}/targets/attainment/export${buildQuery({ period, metric, format: 'xlsx' })}`;
}

export function useSaveTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetsWrite) => apiRequest<TargetYear>('/targets', { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

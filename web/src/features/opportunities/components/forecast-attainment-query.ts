import { useQueries } from '@tanstack/react-query';
import type { Attainment } from '@crm/contracts';
import { apiRequest } from '../../../shared/api/client';

/**
 * Contract-amount attainment of several periods at once. The keys are the targets page's
 * (['targets', 'attainment', period, metric]): both share the cache, and saving targets refreshes both.
 */
export function useContractAttainments(periods: string[], enabled: boolean) {
  return useQueries({
    queries: periods.map((period) => ({
      queryKey: ['targets', 'attainment', period, 'contract_amount'] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<Attainment>('/targets/attainment', { query: { period, metric: 'contract_amount' }, signal }),
      enabled,
    })),
    combine: (results) => ({
      byPeriod: new Map(results.flatMap((r) => (r.data ? [[r.data.period, r.data] as const] : []))),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => results.forEach((r) => r.isError && void r.refetch()),
    }),
  });
}

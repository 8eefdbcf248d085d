import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StageStats, StageStatsQuery } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

/**
 * The key sits under the forecast's: every deal change already refreshes the forecast
 * (invalidateDeals in api.ts), and the same changes move these figures.
 */
export const stageStatsKey = (query: StageStatsQuery) => ['opportunities', 'forecast', 'stage-stats', query] as const;

/** Conversion between stages and time in stage (GET /opportunities/stage-stats). */
export function useStageStats(query: StageStatsQuery) {
  return useQuery({
    queryKey: stageStatsKey(query),
    queryFn: ({ signal }) => apiRequest<StageStats>('/opportunities/stage-stats', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExportLogEntry, ExportLogQuery, ListResponse } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

/** Who exported what, when, with which filter, and how many rows. */
export function useExportLog(query: ExportLogQuery) {
  return useQuery({
    queryKey: ['exports', 'log', query],
    queryFn: ({ signal }) => apiRequest<ListResponse<ExportLogEntry>>('/exports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

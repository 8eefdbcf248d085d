import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ListResponse,
  WorkReport,
  WorkReportComment,
  WorkReportCommentCreate,
  WorkReportCommentUpdate,
  WorkReportCreate,
  WorkReportDraft,
  WorkReportKind,
  WorkReportListItem,
  WorkReportListQuery,
  WorkReportUpdate,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const reportKeys = {
  all: ['work-reports'] as const,
  list: (query: WorkReportListQuery) => ['work-reports', 'list', query] as const,
  detail: (id: number) => ['work-reports', 'detail', id] as const,
  draft: (kind: WorkReportKind, date: string) => ['work-reports', 'draft', kind, date] as const,
};

/** Reports of the authors in my scope (mine with my id as author), latest period first. */
export function useReports(query: WorkReportListQuery) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<WorkReportListItem>>('/work-reports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<WorkReport>(`/work-reports/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The form of my report for a day (or its week), pre-filled from what I did; fresh each time it opens. */
export function useReportDraft(kind: WorkReportKind, date: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.draft(kind, date),
    queryFn: ({ signal }) => apiRequest<WorkReportDraft>('/work-reports/draft', { query: { kind, date }, signal }),
    enabled,
    gcTime: 0,
    staleTime: 0,
  });
}

function saved(queryClient: QueryClient, report: WorkReport): void {
  queryClient.setQueryData(reportKeys.detail(report.id), report);
  void queryClient.invalidateQueries({ queryKey: ['work-reports', 'list'] });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkReportCreate) => apiRequest<WorkReport>('/work-reports', { method: 'POST', body }),
    onSuccess: (report) => saved(queryClient, report),
  });
}

export function useUpdateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WorkReportUpdate }) => apiRequest<WorkReport>(`/work-reports/${id}`, { method: 'PATCH', body }),
    onSuccess: (report) => saved(queryClient, report),
  });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/work-reports/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: reportKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['work-reports', 'list'] });
    },
  });
}

export function useAddComment(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkReportCommentCreate) => apiRequest<WorkReportComment>(`/work-reports/${reportId}/comments`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.detail(reportId) });
      void queryClient.invalidateQueries({ queryKey: ['work-reports', 'list'] });
    },
  });
}

/** Change my comment (its author only); the report shows it as edited. */
export function useUpdateComment(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WorkReportCommentUpdate }) =>
      apiRequest<WorkReportComment>(`/work-reports/${reportId}/comments/${id}`, { method: 'PATCH', body }),
    // A stale edit (409) also reloads the report, to show the comment as it is now.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reportKeys.detail(reportId) }),
  });
}

/** Delete my comment (its author only). */
export function useDeleteComment(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/work-reports/${reportId}/comments/${id}`, { method: 'DELETE' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.detail(reportId) });
      void queryClient.invalidateQueries({ queryKey: ['work-reports', 'list'] });
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApprovalDecision, ApprovalFlow, ApprovalFlowCreate, ApprovalFlowList, ApprovalFlowUpdate, ApprovalList, ApprovalListQuery, ApprovalRequest } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (query: ApprovalListQuery) => ['approvals', 'list', query] as const,
  pendingCount: ['approvals', 'pending-count'] as const,
  record: (type: string, id: number) => ['approvals', 'record', type, id] as const,
  flows: ['approval-flows'] as const,
};

/** How often the menu's count of what waits for me is refreshed. */
const pendingPollMs = 60_000;

/** The web path of an approvable record: `/quotes/12` (a record type's pages live at its plural). */
export function recordPath(recordType: string, recordId: number): string {
  return `/${recordType}s/${recordId}`;
}

export function useApprovals(query: ApprovalListQuery) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ApprovalList>('/approvals', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many requests wait for my decision (the menu badge), refreshed every minute. */
export function usePendingApprovalCount(): number {
  const query = useQuery({
    queryKey: approvalKeys.pendingCount,
    queryFn: ({ signal }) => apiRequest<ApprovalList>('/approvals', { query: { mine: 'pending', pageSize: 1 }, signal }),
    refetchInterval: pendingPollMs,
    refetchOnWindowFocus: true,
  });
  return query.data?.total ?? 0;
}

/** A record's approval requests (newest first) and the flow that applies to it now. */
export function useRecordApprovals(recordType: string, recordId: number) {
  return useQuery({
    queryKey: approvalKeys.record(recordType, recordId),
    queryFn: ({ signal }) => apiRequest<ApprovalList>('/approvals', { query: { recordType, recordId, pageSize: 20 }, signal }),
  });
}

/** After anything that moves a request: every approval query and the record's own pages (`quotes`...). */
export function refreshApprovals(queryClient: QueryClient, recordType?: string): void {
  void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  if (recordType) void queryClient.invalidateQueries({ queryKey: [`${recordType}s`] });
}

export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, body }: { request: ApprovalRequest; body: Omit<ApprovalDecision, 'version'> }) =>
      apiRequest<ApprovalRequest>(`/approvals/${request.id}/decision`, { method: 'POST', body: { ...body, version: request.version } }),
    onSettled: (_data, _error, { request }) => refreshApprovals(queryClient, request.recordType),
  });
}

export function useApprovalFlows() {
  return useQuery({
    queryKey: approvalKeys.flows,
    queryFn: ({ signal }) => apiRequest<ApprovalFlowList>('/approval-flows', { query: { pageSize: 200 }, signal }),
  });
}

export function useSaveApprovalFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ApprovalFlowCreate | ApprovalFlowUpdate }) =>
      id === undefined ? apiRequest<ApprovalFlow>('/approval-flows', { method: 'POST', body }) : apiRequest<ApprovalFlow>(`/approval-flows/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.flows }),
  });
}

export function useDeleteApprovalFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flow: ApprovalFlow) => apiRequest<void>(`/approval-flows/${flow.id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.flows }),
  });
}

/** The flow that applies to a record now (null: none, it may be sent directly; undefined while loading). */
export function useApprovalRequirement(recordType: string, recordId: number) {
  const query = useRecordApprovals(recordType, recordId);
  return query.data ? (query.data.requirement ?? null) : undefined;
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ContactGuard,
  ContactGuardSettings,
  ContactGuardSettingsUpdate,
  FollowUpRecord,
  FollowUpRecordCreate,
  FollowUpRecordUpdate,
  ListResponse,
  MentionCandidateList,
  Task,
  TaskCreate,
  TaskListQuery,
  TaskUpdate,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const activityKeys = {
  followUps: ['follow-ups'] as const,
  customerFollowUps: (customerId: number) => ['follow-ups', 'customer', customerId] as const,
  guard: (customerId: number) => ['follow-ups', 'guard', customerId] as const,
  guardSettings: ['settings', 'contact-guard'] as const,
  mentionCandidates: (customerId: number) => ['follow-ups', 'mention-candidates', customerId] as const,
  tasks: ['tasks'] as const,
  taskList: (query: TaskListQuery) => ['tasks', 'list', query] as const,
  task: (id: number) => ['tasks', 'detail', id] as const,
  dueCount: ['tasks', 'due-count'] as const,
};

/**
 * After a follow-up changes: its customer's follow-ups, the customer itself (last follow-up time),
 * its timeline, and the tasks (a next step makes one).
 */
function refreshFollowUps(queryClient: QueryClient, customerId: number): void {
  void queryClient.invalidateQueries({ queryKey: activityKeys.followUps });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'history', customerId] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
  void queryClient.invalidateQueries({ queryKey: activityKeys.tasks });
}

/** The customer's follow-up records, newest first, a page at a time ("load more"). */
export function useCustomerFollowUps(customerId: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: activityKeys.customerFollowUps(customerId),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<ListResponse<FollowUpRecord>>(`/customers/${customerId}/follow-ups`, { query: { page: pageParam, pageSize: 10 }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

export function useCreateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpRecordCreate) => apiRequest<FollowUpRecord>('/follow-ups', { method: 'POST', body }),
    onSuccess: (record) => refreshFollowUps(queryClient, record.customerId),
  });
}

export function useUpdateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: FollowUpRecordUpdate }) => apiRequest<FollowUpRecord>(`/follow-ups/${id}`, { method: 'PATCH', body }),
    onSuccess: (record) => refreshFollowUps(queryClient, record.customerId),
  });
}

export function useDeleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (record: FollowUpRecord) => apiRequest<void>(`/follow-ups/${record.id}`, { method: 'DELETE' }),
    onSuccess: (_, record) => refreshFollowUps(queryClient, record.customerId),
  });
}

/** 撞单提醒: the other users who followed this customer up lately. */
export function useContactGuard(customerId: number, enabled = true) {
  return useQuery({
    queryKey: activityKeys.guard(customerId),
    queryFn: ({ signal }) => apiRequest<ContactGuard>(`/customers/${customerId}/contact-guard`, { signal }),
    enabled,
    refetchOnWindowFocus: true,
  });
}

/** Whom a follow-up on the customer can mention: fetched when the composer first needs it. */
export function useMentionCandidates(customerId: number, enabled = true) {
  return useQuery({
    queryKey: activityKeys.mentionCandidates(customerId),
    queryFn: ({ signal }) => apiRequest<MentionCandidateList>('/follow-ups/mention-candidates', { query: { customerId }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useContactGuardSettings() {
  return useQuery({
    queryKey: activityKeys.guardSettings,
    queryFn: ({ signal }) => apiRequest<ContactGuardSettings>('/settings/contact-guard', { signal }),
  });
}

export function useSaveContactGuardSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactGuardSettingsUpdate) => apiRequest<ContactGuardSettings>('/settings/contact-guard', { method: 'PUT', body }),
    onSuccess: (state) => {
      queryClient.setQueryData(activityKeys.guardSettings, state);
      void queryClient.invalidateQueries({ queryKey: ['follow-ups', 'guard'] });
    },
  });
}

/** The visits (拜访) logged on a day (company time zone on the server) by the authors in my scope, or by one of them, newest first. */
export function useDayVisits(query: { date: string; authorId: number | null; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...activityKeys.followUps, 'visits', query] as const,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<FollowUpRecord>>('/follow-ups', {
        query: { kind: 'visit', from: query.date, to: query.date, authorId: query.authorId ?? undefined, page: query.page, pageSize: query.pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTasks(query: TaskListQuery, enabled = true) {
  return useQuery({
    queryKey: activityKeys.taskList(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<Task>>('/tasks', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: activityKeys.task(id ?? 0),
    queryFn: ({ signal }) => apiRequest<Task>(`/tasks/${id ?? 0}`, { signal }),
    enabled: id !== null && id > 0,
  });
}

/** My tasks due today or overdue: the count beside the menu entry. */
export function useDueTaskCount(userId: number | null): number {
  const query = useQuery({
    queryKey: [...activityKeys.dueCount, userId],
    queryFn: async ({ signal }) => {
      const [today, overdue] = await Promise.all(
        (['today', 'overdue'] as const).map((view) => apiRequest<ListResponse<Task>>('/tasks', { query: { view, assigneeId: userId, pageSize: 1 }, signal })),
      );
      return (today?.total ?? 0) + (overdue?.total ?? 0);
    },
    enabled: userId !== null,
    refetchInterval: 5 * 60_000,
  });
  return query.data ?? 0;
}

function refreshTasks(queryClient: QueryClient, task?: Task): void {
  if (task) queryClient.setQueryData(activityKeys.task(task.id), task);
  void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
  void queryClient.invalidateQueries({ queryKey: activityKeys.dueCount });
  // A follow-up names its task; the customer's timeline may record it.
  void queryClient.invalidateQueries({ queryKey: activityKeys.followUps });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) => apiRequest<Task>('/tasks', { method: 'POST', body }),
    onSuccess: (task) => refreshTasks(queryClient, task),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TaskUpdate }) => apiRequest<Task>(`/tasks/${id}`, { method: 'PATCH', body }),
    onSuccess: (task) => refreshTasks(queryClient, task),
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/tasks/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: activityKeys.task(id) });
      refreshTasks(queryClient);
    },
  });
}

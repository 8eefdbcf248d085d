import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskUpdate, Workbench } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const workbenchKeys = { all: ['workbench'] as const };

/** The workbench in one request, refreshed every minute and when the tab comes back into view. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKeys.all,
    queryFn: ({ signal }) => apiRequest<Workbench>('/workbench', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** A task's section with it taken out (done) or nothing changed. */
function without(section: { items: Task[]; total: number }, id: number) {
  const items = section.items.filter((task) => task.id !== id);
  return { items, total: section.total - (section.items.length - items.length) };
}

/**
 * Tick a task of the workbench done (or open again): off the card at once, then saved; the
 * workbench, the task lists and the menu's count are read again after.
 */
export function useSetTaskStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: TaskUpdate['status'] }) =>
      apiRequest<Task>(`/tasks/${task.id}`, { method: 'PATCH', body: { status, version: task.version } }),
    onMutate: async ({ task, status }) => {
      if (status !== 'done') return;
      await queryClient.cancelQueries({ queryKey: workbenchKeys.all });
      queryClient.setQueryData<Workbench>(workbenchKeys.all, (data) =>
        data?.tasks ? { ...data, tasks: { today: without(data.tasks.today, task.id), overdue: without(data.tasks.overdue, task.id) } } : data,
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: workbenchKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

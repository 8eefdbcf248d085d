import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ListView, ListViewCreate, ListViewDefault, ListViewDefaultUpdate, ListViewList, ListViews, ListViewUpdate } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const listViewKeys = { of: (list: ListViewList) => ['list-views', list] as const };

const listViewsQuery = (list: ListViewList) => ({
  queryKey: listViewKeys.of(list),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ListViews>('/list-views', { query: { list }, signal }),
  staleTime: 60_000,
});

/** A list's built-in and saved views and the user's default. */
export function useListViews(list: ListViewList) {
  return useQuery(listViewsQuery(list));
}

/** Fetches a list's views ahead of the page (at start-up, beside its files); settles, never fails. */
export function prefetchListViews(queryClient: QueryClient, list: ListViewList): Promise<void> {
  return queryClient.prefetchQuery(listViewsQuery(list));
}

function useRefresh(list: ListViewList) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: listViewKeys.of(list) });
}

export function useCreateListView(list: ListViewList) {
  const refresh = useRefresh(list);
  return useMutation({
    mutationFn: (body: ListViewCreate) => apiRequest<ListView>('/list-views', { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateListView(list: ListViewList) {
  const refresh = useRefresh(list);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ListViewUpdate }) => apiRequest<ListView>(`/list-views/${id}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
}

export function useDeleteListView(list: ListViewList) {
  const refresh = useRefresh(list);
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/list-views/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

export function useSetDefaultListView(list: ListViewList) {
  const refresh = useRefresh(list);
  return useMutation({
    mutationFn: (body: ListViewDefaultUpdate) => apiRequest<ListViewDefault>('/list-views/default', { method: 'PUT', body }),
    onSuccess: () => refresh(),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse, User, UserCreate, UserUpdate } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';
import { usePermissions } from '../auth';

export type UserListQuery = {
  q?: string;
  page?: number;
  pageSize?: number;
  departmentId?: number;
  roleId?: number;
  active?: 'true' | 'false';
};

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
};

export function useUserList(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<User>>('/users', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface UserOption {
  value: number;
  label: string;
}

/**
 * People a record can be assigned to: every active user when the caller may list users,
 * otherwise just the caller.
 */
export function useUserOptions(): { options: UserOption[]; loading: boolean } {
  const { can, me } = usePermissions();
  const allowed = can('users.view');
  const list = useUserList({ page: 1, pageSize: 200, active: 'true' }, allowed);
  if (allowed && list.data) {
    return { options: list.data.items.map((u) => ({ value: u.id, label: u.name })), loading: false };
  }
  const self = me ? [{ value: me.user.id, label: me.user.name }] : [];
  return { options: self, loading: allowed && list.isPending };
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => apiRequest<User>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserUpdate }) =>
      apiRequest<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/users/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse, Role, RoleCreate, RoleUpdate } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const roleKeys = { all: ['roles'] as const };

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: roleKeys.all,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Role>>('/roles', { query: { page: 1, pageSize: 200 }, signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleCreate) => apiRequest<Role>('/roles', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RoleUpdate }) =>
      apiRequest<Role>(`/roles/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all });
      // The signed-in user's own permissions may have changed.
      void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/roles/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentCreate, DepartmentUpdate, ListResponse } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const departmentKeys = { all: ['departments'] as const };

/** Every department (the list is small and flat; the tree is built client-side). */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: departmentKeys.all,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Department>>('/departments', { query: { page: 1, pageSize: 200 }, signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DepartmentCreate) =>
      apiRequest<Department>('/departments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: DepartmentUpdate }) =>
      apiRequest<Department>(`/departments/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/departments/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

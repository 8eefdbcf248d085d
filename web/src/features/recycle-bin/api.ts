import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse, RecycleBinItem, RecycleBinType } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const recycleBinKeys = {
  all: ['recycle-bin'] as const,
  list: (type: RecycleBinType, page: number, pageSize: number) => ['recycle-bin', type, page, pageSize] as const,
};

export function useRecycleBin(type: RecycleBinType, page: number, pageSize: number) {
  return useQuery({
    queryKey: recycleBinKeys.list(type, page, pageSize),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<RecycleBinItem>>('/recycle-bin', { query: { type, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

interface ItemRef {
  type: RecycleBinType;
  id: number;
}

export function useRestoreItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id }: ItemRef) =>
      apiRequest<void>(`/recycle-bin/${type}/${id}/restore`, { method: 'POST' }),
    onSuccess: (_data, { type }) => {
      void queryClient.invalidateQueries({ queryKey: recycleBinKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      if (type === 'customer') void queryClient.invalidateQueries({ queryKey: ['customers'] });
      // A restored contract may count among its customer's transactions again.
      if (type === 'contract') {
        void queryClient.invalidateQueries({ queryKey: ['contracts'] });
        void queryClient.invalidateQueries({ queryKey: ['customers'] });
      }
    },
  });
}

export function usePurgeItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id }: ItemRef) =>
      apiRequest<void>(`/recycle-bin/${type}/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recycleBinKeys.all }),
  });
}

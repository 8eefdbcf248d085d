import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CustomField,
  CustomFieldCreate,
  CustomFieldEntity,
  CustomFieldOption,
  CustomFieldType,
  CustomFieldUpdate,
  ListResponse,
} from '@crm/contracts';
import { useMemo } from 'react';
import { apiRequest } from '../../shared/api/client';

export { customFieldEntities, customFieldTypes } from '@crm/contracts';
export type { CustomField, CustomFieldCreate, CustomFieldEntity, CustomFieldOption, CustomFieldType, CustomFieldUpdate };

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity, includeInactive: boolean) => ['custom-fields', entity, includeInactive] as const,
};

/**
 * The fields of an entity in their order: active ones (forms, lists, detail pages), or all of
 * them with `includeInactive` (the settings page). Cached: forms and lists share it.
 */
export function useCustomFields(entity: CustomFieldEntity, includeInactive = false) {
  return useQuery({
    queryKey: customFieldKeys.list(entity, includeInactive),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<CustomField>>('/custom-fields', {
        query: { entity, includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }).then((data) => data.items),
    staleTime: 60_000,
  });
}

const noFields: CustomField[] = [];

/** The active fields only: what forms, lists and detail pages show. */
export function useActiveCustomFields(entity: CustomFieldEntity): CustomField[] {
  const data = useCustomFields(entity).data;
  return useMemo(() => (data ? data.filter((field) => field.active) : noFields), [data]);
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
}

export function useCreateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CustomFieldCreate) => apiRequest<CustomField>('/custom-fields', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CustomFieldUpdate }) =>
      apiRequest<CustomField>(`/custom-fields/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

/** Deactivates a field: its values are kept, it leaves forms and lists. */
export function useDeactivateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (field: CustomField) => apiRequest<void>(`/custom-fields/${field.id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useReorderCustomFields() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { entity: CustomFieldEntity; ids: number[] }) =>
      apiRequest<ListResponse<CustomField>>('/custom-fields/order', { method: 'PUT', body }),
    onSettled: invalidate,
  });
}

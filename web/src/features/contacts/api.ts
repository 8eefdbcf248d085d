import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactCreate, ContactUpdate, ListResponse } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export interface ContactListQuery {
  q?: string;
  customerId?: number;
  page: number;
  pageSize: number;
  sort?: 'name' | '-name' | 'updatedAt' | '-updatedAt';
}

export const contactKeys = {
  all: ['contacts'] as const,
  list: (query: ContactListQuery) => ['contacts', 'list', query] as const,
};

/** A page of the contact list; `enabled` false holds it (the list waits for its default view). */
export function useContactList(query: ContactListQuery, enabled = true) {
  return useQuery({
    queryKey: contactKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Contact>>('/contacts', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function invalidateRelated(queryClient: ReturnType<typeof useQueryClient>, customerId: number) {
  void queryClient.invalidateQueries({ queryKey: contactKeys.all });
  // Contact changes show on the customer's history and its contact count.
  void queryClient.invalidateQueries({ queryKey: ['customers', 'history', customerId] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => apiRequest<Contact>('/contacts', { method: 'POST', body }),
    onSuccess: (contact) => invalidateRelated(queryClient, contact.customerId),
  });
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ContactUpdate }) =>
      apiRequest<Contact>(`/contacts/${id}`, { method: 'PATCH', body }),
    onSuccess: (contact) => invalidateRelated(queryClient, contact.customerId),
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) => apiRequest<void>(`/contacts/${contact.id}`, { method: 'DELETE' }),
    onSuccess: (_data, contact) => {
      invalidateRelated(queryClient, contact.customerId);
      void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    },
  });
}

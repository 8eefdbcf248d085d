import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LeadForm,
  LeadFormCreate,
  LeadFormUpdate,
  ListResponse,
  PublicLeadForm,
  PublicLeadSubmission,
  PublicLeadSubmissionResult,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const leadFormKeys = {
  all: ['lead-forms'] as const,
  list: ['lead-forms', 'list'] as const,
  public: (token: string) => ['public-form', token] as const,
};

/** The web forms (administrators: settings.view). */
export function useLeadForms() {
  return useQuery({
    queryKey: leadFormKeys.list,
    queryFn: ({ signal }) => apiRequest<ListResponse<LeadForm>>('/lead-forms', { query: { page: 1, pageSize: 200 }, signal }),
  });
}

export function useCreateLeadForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadFormCreate) => apiRequest<LeadForm>('/lead-forms', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: leadFormKeys.all }),
  });
}

export function useUpdateLeadForm(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadFormUpdate) => apiRequest<LeadForm>(`/lead-forms/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: leadFormKeys.all }),
  });
}

export function useDeleteLeadForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/lead-forms/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: leadFormKeys.all }),
  });
}

/** The public form by its token (no sign-in); a 404 means unknown or switched off. */
export function usePublicForm(token: string) {
  return useQuery({
    queryKey: leadFormKeys.public(token),
    queryFn: ({ signal }) => apiRequest<PublicLeadForm>(`/public/forms/${encodeURIComponent(token)}`, { signal }),
    retry: false,
    staleTime: Infinity,
  });
}

export function useSubmitPublicForm(token: string) {
  return useMutation({
    mutationFn: (body: PublicLeadSubmission) =>
      apiRequest<PublicLeadSubmissionResult>(`/public/forms/${encodeURIComponent(token)}`, { method: 'POST', body }),
  });
}

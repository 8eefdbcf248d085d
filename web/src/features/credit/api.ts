import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreditAssessment, CreditAssessmentUpdate, CreditSettings, CreditSettingsUpdate } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const creditKeys = {
  assessment: (customerId: number) => ['credit', 'assessment', customerId] as const,
  settings: ['settings', 'credit'] as const,
};

/** An organisation customer's current 6C assessment (version 0 before the first). */
export function useCreditAssessment(customerId: number) {
  return useQuery({
    queryKey: creditKeys.assessment(customerId),
    queryFn: ({ signal }) => apiRequest<CreditAssessment>(`/customers/${customerId}/credit-assessment`, { signal }),
  });
}

/** Save a new assessment; the customer record changes too (its credit standing and limit). */
export function useSaveCreditAssessment(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditAssessmentUpdate) => apiRequest<CreditAssessment>(`/customers/${customerId}/credit-assessment`, { method: 'PUT', body }),
    onSuccess: (assessment) => {
      queryClient.setQueryData(creditKeys.assessment(customerId), assessment);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useCreditSettings() {
  return useQuery({ queryKey: creditKeys.settings, queryFn: ({ signal }) => apiRequest<CreditSettings>('/settings/credit', { signal }) });
}

export function useSaveCreditSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditSettingsUpdate) => apiRequest<CreditSettings>('/settings/credit', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(creditKeys.settings, state),
  });
}

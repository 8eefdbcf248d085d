import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CustomerEmailCreate,
  CustomerEmailResult,
  EmailSettings,
  EmailSettingsUpdate,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  OutboxEmail,
  OutboxList,
  OutboxQuery,
} from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const emailKeys = {
  settings: ['settings', 'email'] as const,
  outbox: ['settings', 'email', 'outbox'] as const,
  outboxList: (query: OutboxQuery) => ['settings', 'email', 'outbox', query] as const,
  preferences: ['me', 'notification-preferences'] as const,
};

/** The SMTP settings (settings.view); the password is never sent, only whether one is saved. */
export function useEmailSettings() {
  return useQuery({ queryKey: emailKeys.settings, queryFn: ({ signal }) => apiRequest<EmailSettings>('/settings/email', { signal }) });
}

export function useSaveEmailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailSettingsUpdate) => apiRequest<EmailSettings>('/settings/email', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(emailKeys.settings, state),
  });
}

export function useSendTestEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<OutboxEmail>('/settings/email/test', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.outbox }),
  });
}

/** The outbox (settings.edit), refreshed every 15 seconds while it is shown: emails go out in the background. */
export function useOutbox(query: OutboxQuery, enabled = true) {
  return useQuery({
    queryKey: emailKeys.outboxList(query),
    queryFn: ({ signal }) => apiRequest<OutboxList>('/settings/email/outbox', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
    enabled,
  });
}

export function useRetryEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<OutboxEmail>(`/settings/email/outbox/${id}/retry`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: emailKeys.outbox }),
  });
}

/** Which of one's notifications also arrive by email. */
export function useNotificationPreferences(enabled = true) {
  return useQuery({
    queryKey: emailKeys.preferences,
    queryFn: ({ signal }) => apiRequest<NotificationPreferences>('/me/notification-preferences', { signal }),
    enabled,
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) => apiRequest<NotificationPreferences>('/me/notification-preferences', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(emailKeys.preferences, state),
  });
}

/** Email a customer: the email is queued and an email follow-up lands on the customer's timeline. */
export function useSendCustomerEmail(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerEmailCreate) => apiRequest<CustomerEmailResult>(`/customers/${customerId}/emails`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'history', customerId] });
    },
  });
}

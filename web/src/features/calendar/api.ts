import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedCreated, CalendarFeedState, CalendarResponse, ReminderSettings, ReminderSettingsUpdate } from '@crm/contracts';
import { apiRequest } from '../../shared/api/client';

export const calendarKeys = {
  all: ['calendar'] as const,
  range: (query: Record<string, string>) => ['calendar', 'range', query] as const,
  team: ['calendar', 'team'] as const,
  feed: ['calendar', 'feed'] as const,
  reminderSettings: ['settings', 'reminders'] as const,
};

/** The items of from..to for me, a user in my scope (`userId`) or my team (`team: 'true'`). */
export function useCalendar(query: { from: string; to: string; userId?: string; team?: 'true' }) {
  return useQuery({
    queryKey: calendarKeys.range(query),
    queryFn: ({ signal }) => apiRequest<CalendarResponse>('/calendar', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The users whose calendars I may open (my data scope): the team answer of one day names them. */
export function useCalendarUsers(today: string) {
  const query = useQuery({
    queryKey: calendarKeys.team,
    queryFn: ({ signal }) => apiRequest<CalendarResponse>('/calendar', { query: { from: today, to: today, team: 'true' }, signal }),
    staleTime: 5 * 60_000,
  });
  return query.data?.users ?? [];
}

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarKeys.feed, queryFn: ({ signal }) => apiRequest<CalendarFeedState>('/me/calendar-feed', { signal }) });
}

/** Make (or remake) my feed's address: the answer carries it, once. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CalendarFeedCreated>('/me/calendar-feed', { method: 'POST', body: {} }),
    onSuccess: ({ url: _url, ...state }) => queryClient.setQueryData(calendarKeys.feed, state),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/me/calendar-feed', { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

export function useReminderSettings() {
  return useQuery({ queryKey: calendarKeys.reminderSettings, queryFn: ({ signal }) => apiRequest<ReminderSettings>('/settings/reminders', { signal }) });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettingsUpdate) => apiRequest<ReminderSettings>('/settings/reminders', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(calendarKeys.reminderSettings, state),
  });
}

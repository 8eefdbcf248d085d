import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Locale, LoginRequest, Me, PasswordChange, Permission, User } from '@crm/contracts';
import { apiRequest, isApiError } from '../../shared/api/client';

export const meQueryKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

const meQuery = { queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 } as const;

/** The signed-in user with role and permissions; `null` when nobody is signed in. */
export function useMe() {
  return useQuery(meQuery);
}

/** Asks who is signed in at start-up, beside the first chunks, rather than once the page renders. */
export function prefetchMe(queryClient: QueryClient): Promise<Me | null> {
  return queryClient.fetchQuery(meQuery).catch(() => null);
}

/** Permission checks for the signed-in user. */
export function usePermissions() {
  const { data } = useMe();
  return useMemo(() => {
    const granted = new Set<string>(data?.permissions ?? []);
    return { me: data ?? null, can: (permission: Permission) => granted.has(permission) };
  }, [data]);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      apiRequest<{ user: User }>('/auth/login', { method: 'POST', body }),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) =>
      apiRequest<void>('/auth/password', { method: 'POST', body }),
  });
}

/** Remembers the language choice on the server for the signed-in user. */
export function useSaveLocale() {
  return useMutation({
    mutationFn: (locale: Locale) =>
      apiRequest<void>('/auth/locale', { method: 'PUT', body: { locale } }),
  });
}

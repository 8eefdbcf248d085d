import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttachmentSettings,
  AttachmentSettingsUpdate,
  CompanyLogoRef,
  CompanyLogoUpload,
  CompanySettings,
  CompanySettingsUpdate,
  PoolRulesState,
  PoolRulesUpdate,
  PoolRunResult,
} from '@crm/contracts';
import { API_BASE, apiRequest, buildQuery } from '../../shared/api/client';

export const settingsKeys = {
  poolRules: ['settings', 'pool-rules'] as const,
  attachments: ['settings', 'attachments'] as const,
  company: ['settings', 'company'] as const,
};

/** The pool rules; only asked for when the user may read settings. */
export function usePoolRules(enabled = true) {
  return useQuery({
    queryKey: settingsKeys.poolRules,
    queryFn: ({ signal }) => apiRequest<PoolRulesState>('/settings/pool-rules', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSavePoolRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PoolRulesUpdate) => apiRequest<PoolRulesState>('/settings/pool-rules', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(settingsKeys.poolRules, state),
  });
}

export function useRunPoolRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<PoolRunResult>('/settings/pool-rules/run', { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** The attachment limits; only asked for when the user may read settings. */
export function useAttachmentSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKeys.attachments,
    queryFn: ({ signal }) => apiRequest<AttachmentSettings>('/settings/attachments', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveAttachmentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttachmentSettingsUpdate) =>
      apiRequest<AttachmentSettings>('/settings/attachments', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(settingsKeys.attachments, state),
  });
}

/** The company settings (time zone); every signed-in user may read them. */
export function useCompanySettings(enabled = true) {
  return useQuery({
    queryKey: settingsKeys.company,
    queryFn: ({ signal }) => apiRequest<CompanySettings>('/settings/company', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useSaveCompanySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanySettingsUpdate) => apiRequest<CompanySettings>('/settings/company', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(settingsKeys.company, state),
  });
}

/** Upload or replace the company logo; answers the settings (a new version naming the logo). */
export function useUploadCompanyLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyLogoUpload) => apiRequest<CompanySettings>('/settings/company/logo', { method: 'PUT', body }),
    onSuccess: (state) => queryClient.setQueryData(settingsKeys.company, state),
  });
}

export function useRemoveCompanyLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiRequest<void>('/settings/company/logo', { method: 'DELETE', query: { version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.company }),
  });
}

/** The logo's address; its upload's version in it makes a new logo a new address for the browser's cache. */
export function companyLogoHref(logo: CompanyLogoRef): string {
  return `${API_BASE}/settings/company/logo${buildQuery({ v: logo.version })}`;
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, ListResponse } from '@crm/contracts';
import { API_BASE, apiRequest } from '../../shared/api/client';

/** Whose files: a customer's (its contacts' included) or a contract's (the signed scan). */
export interface FileOwner {
  kind: 'customers' | 'contracts';
  id: number;
}

export const attachmentKeys = {
  customer: (customerId: number, page: number) => ['attachments', 'customer', customerId, page] as const,
  of: (owner: FileOwner, page: number) => (owner.kind === 'customers' ? attachmentKeys.customer(owner.id, page) : (['attachments', 'contract', owner.id, page] as const)),
};

/** A record's files, newest first. */
export function useAttachments(owner: FileOwner, page: number, pageSize = 20) {
  return useQuery({
    queryKey: attachmentKeys.of(owner, page),
    queryFn: ({ signal }) => apiRequest<ListResponse<Attachment>>(`/${owner.kind}/${owner.id}/attachments`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

function refresh(queryClient: ReturnType<typeof useQueryClient>, owner: FileOwner) {
  void queryClient.invalidateQueries({ queryKey: ['attachments', owner.kind === 'customers' ? 'customer' : 'contract', owner.id] });
  void queryClient.invalidateQueries({ queryKey: owner.kind === 'customers' ? ['customers', 'history', owner.id] : ['contracts', 'history', owner.id] });
}

/** Uploads one file: its bytes as the body, its name in the query string. */
export function useUploadAttachment(owner: FileOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      apiRequest<Attachment>(`/${owner.kind}/${owner.id}/attachments`, {
        method: 'POST',
        query: { fileName: file.name },
        body: file,
      }),
    onSuccess: () => refresh(queryClient, owner),
  });
}

export function useDeleteAttachment(owner: FileOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(queryClient, owner),
  });
}

/** The file's download address (served as an attachment, never rendered inline). */
export function downloadHref(id: number): string {
  return `${API_BASE}/attachments/${id}/download`;
}

/** 1536 -> "1.5 KB". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The extension the server checks: the text after the last dot, lower case. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

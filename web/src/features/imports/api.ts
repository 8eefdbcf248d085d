import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportEntity,
  ImportFormat,
  ImportJob,
  ImportListQuery,
  ImportOutcome,
  ImportPreview,
  ImportRun,
  ImportValues,
  ImportValuesRequest,
  ListResponse,
} from '@crm/contracts';
import { API_BASE, apiRequest, ApiError, buildQuery } from '../../shared/api/client';

export const importKeys = {
  all: ['imports'] as const,
  list: (query: ImportListQuery) => ['imports', 'list', query] as const,
  job: (id: number) => ['imports', 'job', id] as const,
};

/** Jobs still moving: their page polls for progress. */
export function isActive(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

export function useImportList(query: ImportListQuery) {
  return useQuery({
    queryKey: importKeys.list(query),
    queryFn: ({ signal }) => apiRequest<ListResponse<ImportJob>>('/imports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // Keep the counters of running jobs moving in the list too.
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 3000 : false),
  });
}

/** One job; polled every second while it is queued or running. */
export function useImportJob(id: number | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? 0),
    queryFn: ({ signal }) => apiRequest<ImportJob>(`/imports/${id ?? 0}`, { signal }),
    enabled: id !== null && id > 0,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1000 : false),
  });
}

/**
 * Sends the file as the raw request body (Content-Type application/octet-stream), reporting
 * upload progress (0-100). XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadImportFile(
  entity: ImportEntity,
  file: File,
  onProgress: (percent: number) => void,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/imports${buildQuery({ entity, fileName: file.name })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportJob);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | null)?.error;
      const code = xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : xhr.status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST';
      reject(
        new ApiError(
          xhr.status,
          (error?.code as ApiError['code'] | undefined) ?? code,
          error?.message ?? xhr.statusText,
          error?.details ?? [],
        ),
      );
    };
    xhr.send(file);
  });
}

/** The value-mapping step: distinct values of the mapped choice columns, with suggestions. */
export function useImportValues(id: number) {
  return useMutation({
    mutationFn: (body: ImportValuesRequest) => apiRequest<ImportValues>(`/imports/${id}/values`, { method: 'POST', body }),
  });
}

export function usePreviewImport(id: number) {
  return useMutation({
    mutationFn: (body: ImportRun) => apiRequest<ImportPreview>(`/imports/${id}/preview`, { method: 'POST', body }),
  });
}

export function useStartImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportRun) => apiRequest<ImportJob>(`/imports/${id}/start`, { method: 'POST', body }),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

export function useCancelImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ImportJob>(`/imports/${id}/cancel`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
  });
}

/** The report's download address (a plain link: the browser saves it). */
export function reportHref(id: number, format: ImportFormat, only?: ImportOutcome): string {
  return `${API_BASE}/imports/${id}/report${buildQuery({ format, only })}`;
}

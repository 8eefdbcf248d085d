import type { ErrorCode, Locale } from '@crm/contracts';

export const API_BASE = '/api/v1';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** Everything that can go wrong with a request, including a network failure (`NETWORK`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: ApiErrorDetail[];
  /** On a 409 for a stale version: the record as it is now. */
  readonly current: unknown;

  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    details: ApiErrorDetail[] = [],
    current: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.current = current;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let language: Locale = 'zh-CN';
let onUnauthenticated: (() => void) | null = null;

/** The UI language, sent as Accept-Language so that server messages match it. */
export function setApiLanguage(locale: Locale): void {
  language = locale;
}

/** Called when any request other than the login itself answers 401 (expired session). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Search parameters; empty values are left out, arrays are sent comma-separated. */
  query?: Record<string, unknown>;
  /** JSON, or a Blob/File sent raw as application/octet-stream. */
  body?: unknown;
  signal?: AbortSignal;
}

function queryText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(queryText).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(',') : null;
  }
  return null;
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const text = queryText(value);
    if (text !== null) params.set(key, text);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface ErrorPayload {
  error?: {
    code?: string;
    message?: string;
    details?: ApiErrorDetail[];
    current?: unknown;
  };
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL';
  }
}

async function readError(response: Response): Promise<ApiError> {
  let payload: ErrorPayload = {};
  try {
    payload = (await response.json()) as ErrorPayload;
  } catch {
    // Not JSON (a proxy error page, for example): fall back to the status.
  }
  const body = payload.error ?? {};
  const code = (body.code as ErrorCode | undefined) ?? codeForStatus(response.status);
  return new ApiError(
    response.status,
    code,
    body.message ?? response.statusText,
    Array.isArray(body.details) ? body.details : [],
    body.current,
  );
}

/** One JSON request to the API; resolves with the body (undefined for 204) or throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (method !== 'GET' && options.body instanceof Blob) {
    // An upload: the raw file, its other fields in the query string (API.md upload routes).
    headers['Content-Type'] = 'application/octet-stream';
    init.body = options.body;
  } else if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && path !== '/auth/login' && path !== '/auth/me') {
      onUnauthenticated?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? (JSON.parse(text) as unknown) : undefined) as T;
}

import type { FormInstance } from 'antd';
import { isApiError, type ApiErrorDetail } from '../api/client';

export type FieldPath = (string | number)[];

/** Splits an API path such as `person.birthday` into a Form name path. */
export function toNamePath(path: string): FieldPath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each of the server's field errors beside its field, leaving the typed values alone.
 * `mapPath` redirects an API path to the form field that edits it (`province` -> `region`).
 * Returns the details, so the caller can also list them above the form.
 */
export function applyServerErrors<Values>(
  form: FormInstance<Values>,
  error: unknown,
  mapPath: (path: string) => FieldPath = toNamePath,
): ApiErrorDetail[] {
  if (!isApiError(error) || error.details.length === 0) return [];
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const detail of error.details) {
    const name = mapPath(detail.path);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()].map(({ name, errors }) => ({ name, errors }));
  form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  return error.details;
}

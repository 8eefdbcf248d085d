import type { Customer } from '@crm/contracts';
import { organizationSections, personSections } from '../../customers';
import type { CustomField } from '../../custom-fields';

/**
 * One row of the merge table: a field (or the region, three API fields chosen together) and how to
 * read its value from a customer. `keys` are the API paths sent in `fields` when a value is chosen.
 */
export interface MergeRow {
  id: string;
  keys: string[];
  read: (customer: Customer) => unknown;
  customField?: CustomField;
}

const topLevel = [
  'name', 'category', 'status', 'lifecycleStage', 'ownerId', 'industry', 'address', 'phone', 'mobile',
  'email', 'website', 'source', 'notes',
] as const;

function customOf(customer: Customer): Record<string, unknown> {
  return customer.custom ?? {};
}

/** The rows of the merge table for the survivor's kind, plus the active custom fields. */
export function mergeRows(kind: Customer['kind'], customFields: CustomField[]): MergeRow[] {
  const rows: MergeRow[] = topLevel.map((key) => ({ id: key, keys: [key], read: (c) => c[key] }));
  rows.splice(7, 0, {
    id: 'region',
    keys: ['province', 'city', 'district'],
    read: (c) => [c.province, c.city, c.district].filter(Boolean).join(' ') || null,
  });
  rows.push({ id: 'tags', keys: ['tags'], read: (c) => c.tags });
  const section = kind === 'person' ? 'person' : 'organization';
  const sections = kind === 'person' ? Object.values(personSections) : Object.values(organizationSections);
  for (const key of sections.flat()) {
    const path = `${section}.${key}`;
    rows.push({
      id: path,
      keys: [path],
      read: (c) => (c[section] as Record<string, unknown>)[key] ?? null,
    });
  }
  for (const field of customFields) {
    const path = `custom.${field.key}`;
    rows.push({ id: path, keys: [path], read: (c) => customOf(c)[field.key] ?? null, customField: field });
  }
  return rows;
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (isEmptyValue(v) ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The default choice: the survivor's value, or when empty the first candidate that has one. */
export function defaultChoice(row: MergeRow, survivor: Customer, candidates: Customer[]): number {
  if (!isEmptyValue(row.read(survivor))) return survivor.id;
  return candidates.find((c) => !isEmptyValue(row.read(c)))?.id ?? survivor.id;
}

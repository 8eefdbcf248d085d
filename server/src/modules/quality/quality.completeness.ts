import type { DataQualitySettings } from '@crm/contracts';

/**
 * A customer as stored (snake_case columns; tags, person, organization and custom as JSON text
 * or already parsed). Plain data only: the migration that fills in existing records uses it too.
 */
export interface CompletenessInput {
  kind: string;
  tags?: string | unknown[];
  person?: string | object;
  organization?: string | object;
  custom?: string | object;
  [column: string]: unknown;
}

const columnOf: Record<string, string> = { lifecycleStage: 'lifecycle_stage' };

function parsed(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const v: unknown = JSON.parse(value);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') {
    return value.trim() !== '';
  }
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The value at an expected-field path (`industry`, `organization.creditCode`, `custom.level`). */
function valueAt(row: CompletenessInput, path: string): unknown {
  const dot = path.indexOf('.');
  if (path === 'tags') return typeof row.tags === 'string' ? (JSON.parse(row.tags) as unknown) : row.tags;
  if (dot < 0) return row[columnOf[path] ?? path];
  const section = path.slice(0, dot);
  const key = path.slice(dot + 1);
  if (section === 'person' || section === 'organization' || section === 'custom') return parsed(row[section])[key];
  return undefined;
}

/** The expected fields of a customer's kind that it leaves empty. */
export function missingFieldsOf(row: CompletenessInput, settings: DataQualitySettings): string[] {
  const expected = row.kind === 'person' ? settings.expected.person : settings.expected.organization;
  return expected.filter((path) => !filled(valueAt(row, path)));
}

/** 0-100: the share of the fields expected for the customer's kind that are filled in (100 when none are expected). */
export function completenessOf(row: CompletenessInput, settings: DataQualitySettings): number {
  const expected = row.kind === 'person' ? settings.expected.person : settings.expected.organization;
  if (expected.length === 0) return 100;
  const missing = missingFieldsOf(row, settings).length;
  return Math.round((100 * (expected.length - missing)) / expected.length);
}

/** Whole days from the later of the last change and the last confirmation to `now`. */
export function freshDaysOf(row: { updated_at: string; confirmed_at: string | null }, now: Date): number {
  const last = row.confirmed_at && row.confirmed_at > row.updated_at ? row.confirmed_at : row.updated_at;
  const ms = now.getTime() - Date.parse(last);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 86_400_000)) : 0;
}

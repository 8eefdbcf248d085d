import { dataQualitySettings, type DataQualitySettings } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { readSetting } from '../../platform/settings.js';
import * as repo from './customers.repository.js';

type Db = AppContext['db'];

/**
 * Completeness is a column of the customer record, kept right by every write (see
 * customers.write.ts); the quality module edits the settings it is measured against and lists
 * the customers below them.
 */
export const qualitySettingKey = 'data_quality';

export async function readQualitySettings(db: Db): Promise<{ value: DataQualitySettings; version: number }> {
  return readSetting(db, qualitySettingKey, dataQualitySettings);
}

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

/** The expected fields a customer leaves empty, under the current settings. */
export async function missingFieldsFor(db: Db, row: CompletenessInput): Promise<string[]> {
  const { value } = await readQualitySettings(db);
  return missingFieldsOf(row, value);
}

const batchSize = 500;
const running = new WeakMap<AppContext, { again: boolean; done: Promise<void> }>();

/** One pass over every stored customer, in short transactions of `batchSize` rows. */
async function recomputePass(ctx: AppContext): Promise<void> {
  const { value } = await readQualitySettings(ctx.db);
  let lastId = 0;
  for (;;) {
    const rows = await repo.batchAfter(ctx.db, lastId, batchSize);
    const last = rows[rows.length - 1];
    if (!last) return;
    lastId = last.id;
    const changed = rows.map((r) => ({ id: r.id, score: completenessOf(r, value), was: r.completeness })).filter((r) => r.score !== r.was);
    if (changed.length > 0) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const c of changed) await repo.setFields(trx, c.id, { completeness: c.score });
      });
    }
    // Let requests waiting for the (SQLite) connection in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Recompute every customer's completeness after the settings changed, in the background. A change
 * while a pass runs starts one more pass when it ends; the promise settles when all are done.
 */
export function recomputeAllCompleteness(ctx: AppContext): Promise<void> {
  const current = running.get(ctx);
  if (current) {
    current.again = true;
    return current.done;
  }
  const state = { again: true, done: Promise.resolve() };
  state.done = (async () => {
    try {
      while (state.again) {
        state.again = false;
        await recomputePass(ctx);
      }
    } finally {
      running.delete(ctx);
    }
  })();
  running.set(ctx, state);
  return state.done;
}

/** Resolves when no recomputation is running (tests wait on it). */
export function completenessIdle(ctx: AppContext): Promise<void> {
  return running.get(ctx)?.done ?? Promise.resolve();
}

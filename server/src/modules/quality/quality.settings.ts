import { dataQualitySettings, type DataQualitySettings } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { readSetting } from '../../platform/settings.js';
import { findCustomerRow, setCustomerFields, type CustomerRow } from '../customers/index.js';
import { completenessOf, missingFieldsOf } from './quality.completeness.js';
import * as repo from './quality.repository.js';
import { unscoped } from '../../platform/auth/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export const settingKey = 'data_quality';

export async function readQualitySettings(db: Db): Promise<{ value: DataQualitySettings; version: number }> {
  return readSetting(db, settingKey, dataQualitySettings);
}

/** Recompute and store one customer's completeness (inside the caller's transaction, if any). */
export async function refreshCompleteness(db: Db, customerId: number): Promise<void> {
  const row = await findCustomerRow(db, customerId, unscoped('completeness belongs to the record, not to a viewer'));
  if (!row) return;
  const { value } = await readQualitySettings(db);
  const score = completenessOf(row, value);
  if (score !== row.completeness) await setCustomerFields(db, customerId, { completeness: score });
}

/** The expected fields a customer leaves empty, under the current settings. */
export async function missingFieldsFor(db: Db, row: CustomerRow): Promise<string[]> {
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
    const rows = await repo.completenessBatch(ctx.db, lastId, batchSize);
    const last = rows[rows.length - 1];
    if (!last) return;
    lastId = last.id;
    const changed = rows.map((r) => ({ id: r.id, score: completenessOf(r, value), was: r.completeness })).filter((r) => r.score !== r.was);
    if (changed.length > 0) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const c of changed) await setCustomerFields(trx, c.id, { completeness: c.score });
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

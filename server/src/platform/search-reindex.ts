import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from './context.js';
import type { ScheduledTask } from './scheduler.js';
import { readSetting, replaceSetting } from './settings.js';

/**
 * Search keys written before a change of what they hold (pinyin, in version 2) are rewritten in
 * the background after start, a batch at a time, where the last run stopped: each kind of record
 * brings its own re-indexer (registered by the app), which rewrites the rows after an id and
 * answers the last id it handled, or null when none is left. Bump `searchVersion` when the search
 * documents change.
 */
export const searchVersion = 2;

export interface SearchReindexer {
  name: string;
  reindex(ctx: AppContext, afterId: number, limit: number): Promise<number | null>;
}

const reindexers: SearchReindexer[] = [];

export function registerSearchReindexer(reindexer: SearchReindexer): void {
  if (!reindexers.some((r) => r.name === reindexer.name)) reindexers.push(reindexer);
}

const settingKey = 'search.reindex';
const progress = z.object({ version: z.number().int().default(1), step: z.string().nullable().default(null), afterId: z.number().int().default(0) });
type Progress = z.infer<typeof progress>;

/** Record that every search key is current (a new, empty company). */
export async function markSearchIndexCurrent(ctx: AppContext): Promise<void> {
  await replaceSetting(ctx.db, settingKey, { version: searchVersion, step: null, afterId: 0 }, { userId: null, at: ctx.clock.now().toISOString() });
}

/** The re-index as a scheduled task: a batch of work a minute until it is done. */
export function searchReindexTask(ctx: AppContext): ScheduledTask {
  return { name: 'search-reindex', everyMs: 60_000, run: () => reindexSearch(ctx) };
}

/**
 * Re-index what is left for the current search version, for about `budgetMs`; true when all is
 * done. Safe to run twice at once: a row written twice gets the same key.
 */
export async function reindexSearch(ctx: AppContext, options: { batch?: number; budgetMs?: number } = {}): Promise<boolean> {
  const batch = options.batch ?? 500;
  const started = Date.now();
  let state: Progress = (await readSetting(ctx.db, settingKey, progress)).value;
  if (state.version >= searchVersion) return true;
  const save = (next: Progress) => replaceSetting(ctx.db, settingKey, next, { userId: null, at: ctx.clock.now().toISOString() });
  let index = state.step === null ? 0 : reindexers.findIndex((r) => r.name === state.step);
  if (index < 0) index = 0;
  while (index < reindexers.length) {
    const reindexer = reindexers[index] as SearchReindexer;
    const last = await reindexer.reindex(ctx, state.step === reindexer.name ? state.afterId : 0, batch);
    if (last === null) {
      index += 1;
      const next = reindexers[index];
      state = next ? { version: state.version, step: next.name, afterId: 0 } : { version: searchVersion, step: null, afterId: 0 };
    } else {
      state = { version: state.version, step: reindexer.name, afterId: last };
    }
    await save(state);
    if (state.version >= searchVersion) return true;
    if (Date.now() - started > (options.budgetMs ?? 20_000)) return false;
  }
  await save({ version: searchVersion, step: null, afterId: 0 });
  return true;
}

/**
 * A re-indexer for a table whose search key is a column computed from other columns of the row:
 * rows after `afterId` are read, and a key that differs is rewritten unless the row's key changed
 * meanwhile (a write computes the current key itself).
 */
export function columnReindexer(spec: { name: string; table: string; column: string; sources: string[]; keyOf(row: Record<string, string | null>): string }): SearchReindexer {
  return {
    name: spec.name,
    async reindex(ctx, afterId, limit) {
      const columns = sql.join([sql.ref('id'), sql.ref(spec.column), ...spec.sources.map((c) => sql.ref(c))]);
      const rows = await sql<Record<string, string | null> & { id: number }>`select ${columns} from ${sql.table(spec.table)} where id > ${afterId} order by id limit ${limit}`.execute(ctx.db);
      for (const row of rows.rows) {
        const key = spec.keyOf(row);
        if (key === row[spec.column]) continue;
        await sql`update ${sql.table(spec.table)} set ${sql.ref(spec.column)} = ${key} where id = ${row.id} and ${sql.ref(spec.column)} = ${row[spec.column]}`.execute(ctx.db);
      }
      const last = rows.rows.at(-1);
      return last ? Number(last.id) : null;
    },
  };
}

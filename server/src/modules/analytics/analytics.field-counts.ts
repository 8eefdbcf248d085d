import { sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';

type Db = AppContext['db'];

/**
 * The live customers counted by owner and by each field the composition dashboard slices by
 * (customer_field_counts, migration 0040), plus the +1/-1 rows the triggers on customers wrote
 * since the last fold (customer_field_deltas). Owner 0 is the public pool: no data scope names it,
 * everyone's includes it. The city's key is "province/city".
 */
export type FieldCounts = Map<string, Map<string, number>>;

/**
 * The counts of the customers whose owner `conditions` keep (each names the owner alone, as
 * `c.owner_id`), by field and key; zero counts left out.
 */
export async function fieldCounts(db: Db, conditions: Expression<SqlBool>[]): Promise<FieldCounts> {
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`1 = 1`;
  const rows = await sql<{ field: string; key: string; n: number | string }>`
    select c.field, c.key, sum(c.n) as n from (
      select owner_id, field, key, customers as n from customer_field_counts
      union all
      select owner_id, field, key, delta from customer_field_deltas
    ) c
    where ${where}
    group by c.field, c.key`.execute(db);
  const out: FieldCounts = new Map();
  for (const r of rows.rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    let byKey = out.get(r.field);
    if (!byKey) out.set(r.field, (byKey = new Map()));
    byKey.set(r.key, n);
  }
  return out;
}

/** The count of one field's key (as fieldCounts keys it) among the customers whose owner `conditions` keep. */
export async function fieldCount(db: Db, conditions: Expression<SqlBool>[], field: string, key: string): Promise<number> {
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`1 = 1`;
  const r = await sql<{ n: number | string | null }>`
    select sum(c.n) as n from (
      select owner_id, customers as n from customer_field_counts where field = ${field} and key = ${key}
      union all
      select owner_id, delta from customer_field_deltas where field = ${field} and key = ${key}
    ) c
    where ${where}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Deltas folded per transaction: a few milliseconds of the database each, so that the server's other requests never wait long. */
const foldChunk = 5000;

/**
 * Fold the deltas written so far into the counts and remove them, `foldChunk` at a time (an import
 * of 30,000 rows writes 420,000: folded at once they held SQLite's one thread for a second and
 * 50 MB). PostgreSQL: the rows deleted are the rows folded (a data-modifying WITH), so that a delta
 * committed meanwhile is neither lost nor counted twice; SQLite has one writer. Counts that reach
 * zero are removed. Returns the deltas folded.
 */
export async function foldFieldDeltas(db: Db, engine: AppContext['engine']): Promise<number> {
  let total = 0;
  for (;;) {
    const folded = await foldChunkOf(db, engine);
    total += folded;
    if (folded < foldChunk) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // PostgreSQL keeps every folded delta, and every count it rewrote, as a dead row until a vacuum:
  // after an import of a million customers (7,000,000 deltas) the deltas table was 615 MB of them,
  // and each composition figure read it all (250 ms) until autovacuum came round. A large fold
  // vacuums the deltas (emptied, the table is truncated) and rewrites the counts compact: a plain
  // vacuum left their 2,550 live rows spread over 93 MB, and each figure still read 51 ms of it.
  if (engine === 'postgres' && total >= vacuumAfter) {
    await sql`vacuum (analyze) customer_field_deltas`.execute(db);
    await db.connection().execute(async (conn) => {
      // The rewrite locks the counts out for its moment: it gives up rather than queue the figures behind a long read.
      await sql`set lock_timeout = '2s'`.execute(conn);
      try {
        await sql`vacuum (full, analyze) customer_field_counts`.execute(conn);
      } catch (error) {
        console.warn(`customer_field_counts not compacted: ${(error as Error).message}`);
      } finally {
        await sql`reset lock_timeout`.execute(conn);
      }
    });
  }
  return total;
}

/** Deltas folded at once from which PostgreSQL's fold vacuums the two tables. */
const vacuumAfter = 10_000;

async function foldChunkOf(db: Db, engine: AppContext['engine']): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let folded: number;
    if (engine === 'postgres') {
      const r = await sql<{ n: string }>`
        with d as (
          delete from customer_field_deltas where id in (select id from customer_field_deltas order by id limit ${foldChunk})
          returning owner_id, field, key, delta
        ),
        f as (
          insert into customer_field_counts as t (owner_id, field, key, customers)
          select owner_id, field, key, sum(delta) from d group by owner_id, field, key
          on conflict (owner_id, field, key) do update set customers = t.customers + excluded.customers
          returning 1
        )
        select (select count(*) from d) as n`.execute(trx);
      folded = Number(r.rows[0]?.n ?? 0);
    } else {
      const chunk = await sql<{ last: number | null; n: number }>`
        select max(id) as last, count(*) as n from (select id from customer_field_deltas order by id limit ${foldChunk}) x`.execute(trx);
      const upTo = chunk.rows[0]?.last;
      if (upTo === null || upTo === undefined) return 0;
      folded = Number(chunk.rows[0]?.n ?? 0);
      await sql`
        insert into customer_field_counts (owner_id, field, key, customers)
        select owner_id, field, key, sum(delta) from customer_field_deltas where id <= ${upTo} group by owner_id, field, key
        on conflict (owner_id, field, key) do update set customers = customer_field_counts.customers + excluded.customers`.execute(trx);
      await trx.deleteFrom('customer_field_deltas').where('id', '<=', Number(upTo)).execute();
    }
    if (folded > 0) await trx.deleteFrom('customer_field_counts').where('customers', '=', 0).execute();
    return folded;
  });
}

/** The fold, every minute (the scheduler's lease makes it one server's). */
export function fieldCountsTask(ctx: AppContext): ScheduledTask {
  return { name: 'customer-field-counts', everyMs: 60_000, run: () => foldFieldDeltas(ctx.db, ctx.engine) };
}

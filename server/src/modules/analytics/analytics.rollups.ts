import { sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { RunRow } from './analytics.runs.js';

type Db = AppContext['db'];

/**
 * A run's class counts by owner (analytics_rollups, migration 0039), so that a dashboard over a
 * million customers sums a few thousand rows instead of reading every row of the run and its
 * customer:
 * - the run records the last id of analytics_customer_moves before it reads the customers
 *   (`markMoves`), and writes its rows grouped by owner and every combination of classes before
 *   it is marked done (`writeRollups`);
 * - `classGroups` sums the rows of the owners in the caller's conditions, then moves each customer
 *   logged after the mark (owner changed, deleted or restored: a trigger on customers writes the
 *   log) out of its owner at the run and, when it is live, into its present owner, each side
 *   counted only where the conditions hold. The result is what the same grouping over the run's
 *   rows joined to the live customers gives (the test compares the two).
 */

/** The classes a group is keyed by, and its sums (fen). */
const keys = ['abc_class', 'value_class', 'rfm_segment', 'lifecycle_stage', 'status', 'quadrant', 'churn_risk'] as const;
const sums = ['revenue', 'gross_profit', 'monetary', 'current_value', 'potential_value', 'abc_value'] as const;

export interface ClassGroup {
  abc_class: string;
  value_class: string;
  rfm_segment: string;
  lifecycle_stage: string;
  status: string;
  quadrant: string;
  churn_risk: number;
  customers: number;
  revenue: number;
  gross_profit: number;
  monetary: number;
  current_value: number;
  potential_value: number;
  abc_value: number;
}

const refs = (alias: string, names: readonly string[]) => sql.join(names.map((n) => sql.ref(`${alias}.${n}`)));

/**
 * The last move logged so far: the run's mark, read before its facts read the customers. Every
 * move up to it must be committed by then, or a change the facts did not see would be left out of
 * the corrections. SQLite commits in id order (one writer). PostgreSQL hands out ids as rows are
 * inserted, not as they commit, so the mark is read under a SHARE lock of the log: it waits for the
 * transactions writing to it to end, and holds back new ones for that instant. A move after the mark
 * that the facts did see is harmless: moving a customer from its owner at the run to its present
 * one changes nothing then.
 */
export async function markMoves(db: Db, engine: AppContext['engine'], runId: number): Promise<void> {
  const read = async (q: Db) => Number((await q.selectFrom('analytics_customer_moves').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
  const mark =
    engine === 'postgres'
      ? await db.transaction().execute(async (trx) => {
          await sql`lock table analytics_customer_moves in share mode`.execute(trx);
          return read(trx);
        })
      : await read(db);
  await db.updateTable('analytics_runs').set({ moves_mark: mark }).where('id', '=', runId).execute();
}

/** The run's rows (in its work table) counted by owner and combination of classes, into analytics_rollups. */
export async function writeRollups(db: Db, runId: number): Promise<void> {
  await sql`
    insert into analytics_rollups (run_id, owner_id, ${sql.join(keys.map((k) => sql.ref(k)))}, customers, ${sql.join(sums.map((s) => sql.ref(s)))})
    select cast(${runId} as integer), w.owner_id, ${refs('w', keys)}, count(*), ${sql.join(sums.map((s) => sql`cast(sum(${sql.ref(`w.${s}`)}) as bigint)`))}
    from analytics_work w where w.run_id = ${runId}
    group by w.owner_id, ${refs('w', keys)}`.execute(db);
}

/**
 * A customer erased for good: its result rows are deleted, and what they counted leaves the counts
 * of their runs. The decrements follow the rows this call deleted (RETURNING), so that two erasures
 * of the same customer at once take it out once.
 */
export async function purgeFromRollups(db: Db, customerId: number): Promise<void> {
  const rows = await db.deleteFrom('analytics_results').where('customer_id', '=', customerId).returningAll().execute();
  for (const r of rows) {
    let q = db
      .updateTable('analytics_rollups')
      .set((eb) => ({
        customers: eb('customers', '-', 1),
        revenue: eb('revenue', '-', r.revenue),
        gross_profit: eb('gross_profit', '-', r.gross_profit),
        monetary: eb('monetary', '-', r.monetary),
        current_value: eb('current_value', '-', r.current_value),
        potential_value: eb('potential_value', '-', r.potential_value),
        abc_value: eb('abc_value', '-', r.abc_value),
      }))
      .where('run_id', '=', r.run_id)
      .where('owner_id', r.owner_id === null ? 'is' : '=', r.owner_id);
    for (const k of keys) q = q.where(k, '=', r[k]);
    await q.execute();
  }
}

/** The moves no run needs any more: those logged before the mark of every run that still has counts. */
export async function pruneMoves(db: Db): Promise<void> {
  const oldest = await db
    .selectFrom('analytics_runs as r')
    .select((eb) => eb.fn.min('r.moves_mark').as('mark'))
    .where('r.status', '=', 'done')
    .where(({ exists, selectFrom }) => exists(selectFrom('analytics_rollups as ro').select('ro.run_id').whereRef('ro.run_id', '=', 'r.id')))
    .executeTakeFirst();
  if (oldest?.mark !== null && oldest?.mark !== undefined) await db.deleteFrom('analytics_customer_moves').where('id', '<=', Number(oldest.mark)).execute();
}

/**
 * The run's live customers (alias `c`) that `conditions` keep, counted by combination of classes.
 * Every condition names the customer's owner alone, as `c.owner_id` (the data scope, a department):
 * on the counts the alias is the rollup row, on a moved customer its row of the run (the owner then)
 * or its live record (the owner now). A run without counts (before migration 0039) reads its rows.
 * `narrow`: the conditions keep few customers (read them first, by owner).
 */
export async function classGroups(db: Db, run: RunRow, conditions: Expression<SqlBool>[], narrow: boolean): Promise<ClassGroup[]> {
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`1 = 1`;
  const sumsOf = (alias: string, sign: string) => sql.join(sums.map((s) => sql`${sql.raw(sign)}${sql.ref(`${alias}.${s}`)} as ${sql.ref(s)}`));
  let rows: Array<Record<string, unknown>>;
  if (run.moves_mark === null) {
    const first = narrow ? sql`and ar.customer_id in (select c.id from customers c where c.deleted_at is null and ${where})` : sql``;
    rows = (
      await sql<Record<string, unknown>>`
        select ${refs('ar', keys)}, count(*) as customers, ${sql.join(sums.map((s) => sql`coalesce(sum(${sql.ref(`ar.${s}`)}), 0) as ${sql.ref(s)}`))}
        from analytics_results ar join customers c on c.id = ar.customer_id
        where ar.run_id = ${run.id} and c.deleted_at is null and ${where} ${first}
        group by ${refs('ar', keys)}`.execute(db)
    ).rows;
  } else {
    // The moved customers drive both corrections (CROSS JOIN keeps SQLite from starting at the
    // owners' rows instead: every row of a manager's scope, for none moved).
    rows = (
      await sql<Record<string, unknown>>`
        with moved as (select distinct m.customer_id from analytics_customer_moves m where m.id > ${run.moves_mark})
        select ${sql.join(keys.map((k) => sql.ref(`x.${k}`)))}, sum(x.customers) as customers, ${sql.join(sums.map((s) => sql`sum(${sql.ref(`x.${s}`)}) as ${sql.ref(s)}`))}
        from (
          select ${refs('c', keys)}, c.customers, ${sumsOf('c', '')}
          from analytics_rollups c where c.run_id = ${run.id} and ${where}
          union all
          select ${refs('c', keys)}, -1, ${sumsOf('c', '-')}
          from moved mv cross join analytics_results c
          where c.run_id = ${run.id} and c.customer_id = mv.customer_id and ${where}
          union all
          select ${refs('ar', keys)}, 1, ${sumsOf('ar', '')}
          from moved mv cross join analytics_results ar cross join customers c
          where ar.run_id = ${run.id} and ar.customer_id = mv.customer_id and c.id = ar.customer_id and c.deleted_at is null and ${where}
        ) x
        group by ${sql.join(keys.map((k) => sql.ref(`x.${k}`)))}`.execute(db)
    ).rows;
  }
  return rows
    .map((r) => {
      const g = { customers: Number(r.customers) } as ClassGroup;
      for (const k of keys) (g as unknown as Record<string, unknown>)[k] = k === 'churn_risk' ? Number(r[k]) : String(r[k]);
      for (const s of sums) g[s] = Number(r[s] ?? 0);
      return g;
    })
    .filter((g) => g.customers !== 0);
}

import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';

type Db = AppContext['db'];
type Engine = AppContext['engine'];

/**
 * Revenue by month from each customer's months (revenue_months, migration 0042) and their sums by
 * owner, month and previous buying month (revenue_rollup), as of the last fold; the customers the
 * triggers marked since (revenue_dirty) are taken out and counted again from their transactions.
 * Revenue is what the runs call revenue: signed active or completed contracts by their signing day
 * and imported purchases by their day. Owner 0 is the public pool: no data scope names it,
 * everyone's includes it.
 */

const where = (conditions: Expression<SqlBool>[]) => (conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`1 = 1`);

/**
 * The marked customers' transactions on days [from, to], by customer and month, of the customers
 * `customers` keeps (alias `c`): what the stored figures of those customers are replaced with.
 */
function liveMonths(customers: Expression<SqlBool>[], from: string, to: string): RawBuilder<unknown> {
  const keep = where(customers);
  return sql`
    select t.customer_id, substr(t.on_day, 1, 7) as m, sum(t.amount) as revenue, count(*) as purchases from (
      select ct.customer_id, ct.signed_on as on_day, ct.amount from revenue_dirty d join customers c on c.id = d.customer_id join contracts ct on ct.customer_id = d.customer_id
      where ct.deleted_at is null and ct.status in ('active', 'completed') and ct.signed_on is not null and ct.signed_on >= ${from} and ct.signed_on <= ${to} and ${keep}
      union all
      select ph.customer_id, ph.purchased_on, ph.amount from revenue_dirty d join customers c on c.id = d.customer_id join purchase_history ph on ph.customer_id = d.customer_id
      where ph.purchased_on >= ${from} and ph.purchased_on <= ${to} and ${keep}
    ) t group by t.customer_id, substr(t.on_day, 1, 7)`;
}

export interface RevenueMonths {
  /** Revenue (fen) and buyers by month ('YYYY-MM'); months without either left out. */
  months: Map<string, { revenue: number; customers: number }>;
  /** The customers who bought at least once in the range. */
  customers: number;
}

/**
 * Revenue and buyers per month of the whole months [first, last], of the customers whose owner
 * `owners` keeps (each condition names the owner alone, as `c.owner_id`) among those `customers`
 * keeps (alias `c` for customers: the same scope, plus the customer's own conditions). One
 * statement, so that PostgreSQL reads the stored figures and the marks in one snapshot.
 */
export async function revenueMonths(db: Db, owners: Expression<SqlBool>[], customers: Expression<SqlBool>[], first: string, last: string): Promise<RevenueMonths> {
  const mine = where(owners);
  const rows = await sql<{ m: string; revenue: string | number | null; buyers: string | number | null; firsts: string | number | null }>`
    with live as materialized (${liveMonths(customers, `${first}-01`, `${last}-31`)})
    select x.m, cast(sum(x.revenue) as bigint) as revenue, sum(x.buyers) as buyers, sum(x.firsts) as firsts from (
      select c.month as m, c.revenue, c.buyers, case when c.prev_month < ${first} then c.buyers else 0 end as firsts
      from revenue_rollup c where c.month >= ${first} and c.month <= ${last} and ${mine}
      union all
      select c.month, -c.revenue, -1, case when c.prev_month < ${first} then -1 else 0 end
      from revenue_months c where c.customer_id in (select customer_id from revenue_dirty) and c.month >= ${first} and c.month <= ${last} and ${mine}
      union all
      select m, revenue, 1, 0 from live
    ) x group by x.m
    union all
    select '', 0, 0, count(distinct customer_id) from live`.execute(db);
  const out: RevenueMonths = { months: new Map(), customers: 0 };
  for (const r of rows.rows) {
    if (r.m === '') {
      out.customers += Number(r.buyers ?? 0) + Number(r.firsts ?? 0);
      continue;
    }
    out.customers += Number(r.firsts ?? 0);
    const revenue = Number(r.revenue ?? 0);
    const buyers = Number(r.buyers ?? 0);
    if (revenue !== 0 || buyers !== 0) out.months.set(r.m, { revenue, customers: buyers });
  }
  return out;
}

export interface MonthBuyer {
  customer_id: number;
  name: string;
  owner_id: number | null;
  revenue: number;
  purchases: number;
}

/**
 * One whole month's buyers among the same customers as revenueMonths, most revenue first, and
 * their count. The page merges the stored months (the month's entries of its covering index, the
 * page's top revenues kept as they are read, marked customers left out) with the marked customers
 * counted again.
 */
export async function monthBuyers(
  db: Db, owners: Expression<SqlBool>[], customers: Expression<SqlBool>[], month: string, page: { limit: number; offset: number },
): Promise<{ rows: MonthBuyer[]; total: number }> {
  const mine = where(owners);
  const live = liveMonths(customers, `${month}-01`, `${month}-31`);
  const total = await sql<{ n: string | number | null }>`
    select sum(x.n) as n from (
      select sum(c.buyers) as n from revenue_rollup c where c.month = ${month} and ${mine}
      union all
      select -count(*) from revenue_months c where c.customer_id in (select customer_id from revenue_dirty) and c.month = ${month} and ${mine}
      union all
      select count(*) from (${live}) l
    ) x`.execute(db);
  const rows = await sql<{ customer_id: number; name: string; owner_id: number | null; revenue: string | number; purchases: string | number }>`
    select t.customer_id, c.name, c.owner_id, t.revenue, t.purchases from (
      select * from (
        select c.customer_id, c.revenue, c.purchases from revenue_months c
        where c.month = ${month} and ${mine} and not exists (select 1 from revenue_dirty d where d.customer_id = c.customer_id)
        order by c.revenue desc, c.customer_id limit ${page.offset + page.limit}
      ) s
      union all
      select l.customer_id, l.revenue, l.purchases from (${live}) l
    ) t join customers c on c.id = t.customer_id
    order by t.revenue desc, t.customer_id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      customer_id: Number(r.customer_id), name: r.name, owner_id: r.owner_id === null ? null : Number(r.owner_id), revenue: Number(r.revenue), purchases: Number(r.purchases),
    })),
  };
}

/** Customers folded per transaction: about a tenth of a second of the database each at 20 transactions a customer. */
const foldChunk = 2000;
/** PostgreSQL: one fold at a time (the scheduler's lease already makes it one server's; a test or the bench may call it too). */
const foldLock = 20_261_207_042;
/** Customers folded at once from which PostgreSQL's fold vacuums the three tables. */
const vacuumAfter = 10_000;

/**
 * Fold the marked customers in, `foldChunk` at a time in customer order: take their stored months
 * out of the sums, count their months again from their transactions (a deleted customer has
 * none), put them back in, and remove the marks read. PostgreSQL: the marks are read once into a
 * temporary table, and a mark made again since (its number changed) stays for the next fold.
 * Returns the customers folded.
 */
export async function foldRevenue(db: Db, engine: Engine): Promise<number> {
  let total = 0;
  for (let chunk = 0; ; chunk++) {
    // PostgreSQL plans each chunk from the stored months' statistics: while a large fold fills the
    // table they are stale, and a chunk's few thousand customers looked like millions of rows (a
    // scan of every stored month per chunk, 700 customers/s at a million). Analysed every 25 chunks.
    if (engine === 'postgres' && chunk % 25 === 1) await sql`analyze revenue_months`.execute(db);
    const folded = await foldChunkOf(db, engine);
    total += folded;
    if (folded < foldChunk) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (total > 0) await db.deleteFrom('revenue_rollup').where('buyers', '=', 0).execute();
  if (engine === 'postgres' && total >= vacuumAfter) {
    for (const table of ['revenue_months', 'revenue_rollup', 'revenue_dirty']) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
  }
  return total;
}

async function foldChunkOf(db: Db, engine: Engine): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') {
      await sql`select pg_advisory_xact_lock(${foldLock})`.execute(trx);
      await sql`create temp table revenue_fold (customer_id integer primary key, seq bigint not null) on commit drop`.execute(trx);
    } else {
      await sql`create temp table if not exists revenue_fold (customer_id integer primary key, seq integer not null)`.execute(trx);
      await sql`delete from revenue_fold`.execute(trx);
    }
    await sql`insert into revenue_fold (customer_id, seq) select customer_id, seq from revenue_dirty order by customer_id limit ${foldChunk}`.execute(trx);
    const taken = Number((await sql<{ n: number | string }>`select count(*) as n from revenue_fold`.execute(trx)).rows[0]?.n ?? 0);
    if (taken === 0) return 0;
    // PostgreSQL never analyses a temporary table by itself; and a chunk's statements are too short to gain from compiling them.
    if (engine === 'postgres') {
      await sql`analyze revenue_fold`.execute(trx);
      await sql`set local jit = off`.execute(trx);
    }
    const folding = sql`select customer_id from revenue_fold`;
    const addToSums = (sign: 1 | -1) => sql`
      insert into revenue_rollup (owner_id, month, prev_month, revenue, buyers)
      select owner_id, month, prev_month, cast(${sql.raw(String(sign))} * sum(revenue) as bigint), ${sql.raw(String(sign))} * count(*) from revenue_months
      where customer_id in (${folding}) group by owner_id, month, prev_month
      on conflict (owner_id, month, prev_month) do update set revenue = revenue_rollup.revenue + excluded.revenue, buyers = revenue_rollup.buyers + excluded.buyers`;
    await addToSums(-1).execute(trx);
    await sql`delete from revenue_months where customer_id in (${folding})`.execute(trx);
    await sql`
      insert into revenue_months (customer_id, month, owner_id, revenue, purchases, prev_month)
      select t.customer_id, t.m, coalesce(c.owner_id, 0), t.revenue, t.purchases, coalesce(lag(t.m) over (partition by t.customer_id order by t.m), '')
      from (
        select x.customer_id, substr(x.on_day, 1, 7) as m, cast(sum(x.amount) as bigint) as revenue, count(*) as purchases from (
          select ct.customer_id, ct.signed_on as on_day, ct.amount from revenue_fold f join contracts ct on ct.customer_id = f.customer_id
          where ct.deleted_at is null and ct.status in ('active', 'completed') and ct.signed_on is not null
          union all
          select ph.customer_id, ph.purchased_on, ph.amount from revenue_fold f join purchase_history ph on ph.customer_id = f.customer_id
        ) x group by x.customer_id, substr(x.on_day, 1, 7)
      ) t join customers c on c.id = t.customer_id
      where c.deleted_at is null`.execute(trx);
    await addToSums(1).execute(trx);
    await sql`delete from revenue_dirty where exists (select 1 from revenue_fold f where f.customer_id = revenue_dirty.customer_id and f.seq = revenue_dirty.seq)`.execute(trx);
    return taken;
  });
}

/** The fold, every minute (the scheduler's lease makes it one server's). */
export function revenueTask(ctx: AppContext): ScheduledTask {
  return { name: 'revenue-months', everyMs: 60_000, run: () => foldRevenue(ctx.db, ctx.engine) };
}

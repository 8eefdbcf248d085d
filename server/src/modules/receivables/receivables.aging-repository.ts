import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AgingFilter {
  scope: Scope;
  ownerId?: number;
  departmentId?: number;
}
/** The calendar days that bound the buckets: today, and 30, 60 and 90 days before it. */
export interface AgingDays {
  today: string;
  minus30: string;
  minus60: string;
  minus90: string;
}
export type AgingKey = 'customer' | 'owner' | 'department';
export interface AgingSums {
  key: number | null;
  notDue: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  unplanned: number;
  total: number;
}

const keyColumns: Record<AgingKey, string> = { customer: 'ct.customer_id', owner: 'ct.owner_id', department: 'ct.department_id' };

/** The condition on live signed contracts `ct` in scope and filter. */
function contractCondition(f: AgingFilter): Expression<SqlBool> {
  const parts: Array<Expression<SqlBool>> = [sql<SqlBool>`ct.deleted_at is null`, sql<SqlBool>`ct.status in ('active', 'completed')`];
  if (!isUnscoped(f.scope)) parts.push(sql<SqlBool>`${f.scope}`);
  if (f.ownerId !== undefined) parts.push(sql<SqlBool>`ct.owner_id = ${f.ownerId}`);
  if (f.departmentId !== undefined) parts.push(sql<SqlBool>`ct.department_id = ${f.departmentId}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * Every receivable amount of signed contracts, one row per instalment part and per contract's
 * unplanned part, with its group key and bucket columns: unpaid instalments fall in the bucket of
 * their due date; what a contract's plan leaves without a due date (its amount beyond both the
 * plan and the payments) is unplanned.
 */
function parts(key: AgingKey, f: AgingFilter, d: AgingDays) {
  const k = sql.raw(keyColumns[key]);
  const cond = contractCondition(f);
  const open = sql`(pp.amount - pp.paid)`;
  const covered = sql`(case when ct.received_amount > ct.planned_amount then ct.received_amount else ct.planned_amount end)`;
  return sql`
    select ${k} as k,
      case when pp.due_on >= ${d.today} then ${open} else 0 end as nd,
      case when pp.due_on < ${d.today} and pp.due_on >= ${d.minus30} then ${open} else 0 end as b1,
      case when pp.due_on < ${d.minus30} and pp.due_on >= ${d.minus60} then ${open} else 0 end as b2,
      case when pp.due_on < ${d.minus60} and pp.due_on >= ${d.minus90} then ${open} else 0 end as b3,
      case when pp.due_on < ${d.minus90} then ${open} else 0 end as b4,
      0 as up, ${open} as t
    from payment_plans pp join contracts ct on ct.id = pp.contract_id
    where pp.settled_on is null and ${cond}
    union all
    select ${k} as k, 0, 0, 0, 0, 0, ct.amount - ${covered}, ct.amount - ${covered}
    from contracts ct
    where ct.amount > ct.planned_amount and ct.amount > ct.received_amount and ${cond}`;
}

const sums = sql`sum(nd) as nd, sum(b1) as b1, sum(b2) as b2, sum(b3) as b3, sum(b4) as b4, sum(up) as up, sum(t) as t`;

interface SumRow {
  k: number | string | null;
  nd: number | string | null;
  b1: number | string | null;
  b2: number | string | null;
  b3: number | string | null;
  b4: number | string | null;
  up: number | string | null;
  t: number | string | null;
}
const num = (v: number | string | null) => Number(v ?? 0);
function toSums(r: SumRow): AgingSums {
  return { key: r.k === null ? null : Number(r.k), notDue: num(r.nd), days1to30: num(r.b1), days31to60: num(r.b2), days61to90: num(r.b3), over90: num(r.b4), unplanned: num(r.up), total: num(r.t) };
}

const overAll = sql`count(*) over () as n_all, sum(nd) over () as nd_all, sum(b1) over () as b1_all, sum(b2) over () as b2_all, sum(b3) over () as b3_all, sum(b4) over () as b4_all, sum(up) over () as up_all, sum(t) over () as t_all`;

interface PageRow extends SumRow {
  n_all: number | string;
  nd_all: number | string | null;
  b1_all: number | string | null;
  b2_all: number | string | null;
  b3_all: number | string | null;
  b4_all: number | string | null;
  up_all: number | string | null;
  t_all: number | string | null;
}

/**
 * A page of groups with something receivable, largest total first, and the number of such groups
 * with their sums: one pass over the receivables, the totals as window sums over every group (only
 * a page past the last group counts them again on their own).
 */
export async function agingPage(db: Db, key: AgingKey, f: AgingFilter, d: AgingDays, limit: number, offset: number): Promise<{ rows: AgingSums[]; total: number; totals: AgingSums }> {
  const grouped = sql`select k, ${sums} from (${parts(key, f, d)}) x group by k having sum(t) > 0`;
  const page = await sql<PageRow>`select g.*, ${overAll} from (${grouped}) g order by t desc, k limit ${limit} offset ${offset}`.execute(db);
  const first = page.rows[0];
  if (first) {
    const totals = toSums({ k: null, nd: first.nd_all, b1: first.b1_all, b2: first.b2_all, b3: first.b3_all, b4: first.b4_all, up: first.up_all, t: first.t_all });
    return { rows: page.rows.map(toSums), total: num(first.n_all), totals };
  }
  const all = await sql<SumRow & { n: number | string }>`select count(*) as n, null as k, ${sums} from (${grouped}) g`.execute(db);
  const totals = all.rows[0];
  return { rows: [], total: num(totals?.n ?? 0), totals: totals ? toSums(totals) : toSums({ k: null, nd: 0, b1: 0, b2: 0, b3: 0, b4: 0, up: 0, t: 0 }) };
}

/** The amount of live signed contracts in scope and filter signed from `from` to `to` (both included): DSO's sales. */
export async function signedBetween(db: Db, f: AgingFilter, from: string, to: string): Promise<number> {
  const r = await sql<{ s: number | string | null }>`select sum(ct.amount) as s from contracts ct where ct.signed_on >= ${from} and ct.signed_on <= ${to} and ${contractCondition(f)}`.execute(db);
  return num(r.rows[0]?.s ?? 0);
}

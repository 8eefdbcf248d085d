import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AgingFilter {
  /** The data scope on contracts (`ct`). */
  scope: Scope;
  /** The same data scope on instalments (`pp`), through the contract's owner that each keeps. */
  instalmentScope: Scope;
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

const keyColumns: Record<AgingKey, string> = { customer: 'customer_id', owner: 'owner_id', department: 'department_id' };

/** The condition on live signed contracts `ct` in scope and filter. */
function contractCondition(f: AgingFilter, status = sql<SqlBool>`ct.status in ('active', 'completed')`): Expression<SqlBool> {
  const parts: Array<Expression<SqlBool>> = [sql<SqlBool>`ct.deleted_at is null`, status];
  if (!isUnscoped(f.scope)) parts.push(sql<SqlBool>`${f.scope}`);
  if (f.ownerId !== undefined) parts.push(sql<SqlBool>`ct.owner_id = ${f.ownerId}`);
  if (f.departmentId !== undefined) parts.push(sql<SqlBool>`ct.department_id = ${f.departmentId}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * The condition on unpaid instalments `pp` of live signed contracts in scope and filter, through
 * the contract's keys each instalment keeps (`receivable` is 1 while the contract is live and
 * signed). Written as the partial indexes of migration 0029 are, literals included, so that
 * SQLite uses them.
 */
function instalmentCondition(f: AgingFilter): Expression<SqlBool> {
  const parts: Array<Expression<SqlBool>> = [sql<SqlBool>`pp.settled_on is null`, sql<SqlBool>`pp.receivable = 1`];
  if (!isUnscoped(f.instalmentScope)) parts.push(sql<SqlBool>`${f.instalmentScope}`);
  if (f.ownerId !== undefined) parts.push(sql<SqlBool>`pp.owner_id = ${f.ownerId}`);
  if (f.departmentId !== undefined) parts.push(sql<SqlBool>`pp.department_id = ${f.departmentId}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * The signed statuses for the unplanned part, written so that no index can look them up: SQLite
 * would otherwise read every signed contract through the status index (1.1 s at 400,000 contracts)
 * instead of the few with an unplanned part from their covering index (migration 0029, 50 ms).
 */
const unplannedStatus = sql<SqlBool>`coalesce(ct.status, '') in ('active', 'completed')`;

/**
 * Every receivable amount of signed contracts summed per group, in two parts each summed on its
 * own (from an index in group order, without a join): unpaid instalments fall in the bucket of
 * their due date; what a contract's plan leaves without a due date (its amount beyond both the
 * plan and the payments) is unplanned.
 */
function parts(key: AgingKey, f: AgingFilter, d: AgingDays) {
  const k = sql.raw(keyColumns[key]);
  const open = sql`(pp.amount - pp.paid)`;
  const covered = sql`(case when ct.received_amount > ct.planned_amount then ct.received_amount else ct.planned_amount end)`;
  const unplanned = sql`(ct.amount - ${covered})`;
  return sql`
    select pp.${k} as k,
      sum(case when pp.due_on >= ${d.today} then ${open} else 0 end) as nd,
      sum(case when pp.due_on < ${d.today} and pp.due_on >= ${d.minus30} then ${open} else 0 end) as b1,
      sum(case when pp.due_on < ${d.minus30} and pp.due_on >= ${d.minus60} then ${open} else 0 end) as b2,
      sum(case when pp.due_on < ${d.minus60} and pp.due_on >= ${d.minus90} then ${open} else 0 end) as b3,
      sum(case when pp.due_on < ${d.minus90} then ${open} else 0 end) as b4,
      0 as up, sum(${open}) as t
    from payment_plans pp
    where ${instalmentCondition(f)}
    group by pp.${k}
    union all
    select ct.${k} as k, 0, 0, 0, 0, 0, sum(${unplanned}), sum(${unplanned})
    from contracts ct
    where ct.amount > ct.planned_amount and ct.amount > ct.received_amount and ${contractCondition(f, unplannedStatus)}
    group by ct.${k}`;
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

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

/** A page of groups with something receivable, largest total first, and the number of such groups. */
export async function agingPage(db: Db, key: AgingKey, f: AgingFilter, d: AgingDays, limit: number, offset: number): Promise<{ rows: AgingSums[]; total: number; totals: AgingSums }> {
  const grouped = sql`select k, ${sums} from (${parts(key, f, d)}) x group by k having sum(t) > 0`;
  const [page, all] = await Promise.all([
    sql<SumRow>`${grouped} order by t desc, k limit ${limit} offset ${offset}`.execute(db),
    sql<SumRow & { n: number | string }>`select count(*) as n, null as k, ${sums} from (${grouped}) g`.execute(db),
  ]);
  const totals = all.rows[0];
  return { rows: page.rows.map(toSums), total: num(totals?.n ?? 0), totals: totals ? toSums(totals) : toSums({ k: null, nd: 0, b1: 0, b2: 0, b3: 0, b4: 0, up: 0, t: 0 }) };
}

/** The amount of live signed contracts in scope and filter signed from `from` to `to` (both included): DSO's sales. */
export async function signedBetween(db: Db, f: AgingFilter, from: string, to: string): Promise<number> {
  const r = await sql<{ s: number | string | null }>`select sum(ct.amount) as s from contracts ct where ct.signed_on >= ${from} and ct.signed_on <= ${to} and ${contractCondition(f)}`.execute(db);
  return num(r.rows[0]?.s ?? 0);
}

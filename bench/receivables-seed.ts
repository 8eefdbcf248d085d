import SQLite from 'better-sqlite3';
import pg from 'pg';
import { prng } from '../server/src/modules/demo/names.js';
import { allocatePayments, type PaymentItem, type PlanItem } from '../server/src/modules/receivables/receivables.allocation.js';
import { normalizeForSearch } from '../server/src/platform/search.js';

/** What the contract, plan and payment generator needs from the seeded organisation. */
export interface ReceivablesShape {
  seed: number;
  /** The sales users that own contracts, with their departments. */
  owners: Array<{ id: number; departmentId: number | null }>;
  customerCount: number;
  /** Today in the company's time zone (YYYY-MM-DD): no payment after it. */
  today: string;
}

const contractColumns = [
  'id', 'number', 'kind', 'customer_id', 'owner_id', 'department_id', 'title', 'status', 'signed_on', 'starts_on', 'ends_on', 'currency', 'amount',
  'activated_at', 'renewal_notified_for', 'search', 'planned_amount', 'received_amount', 'payment_count', 'invoiced_amount', 'plan_version', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
] as const;
const planColumns = ['contract_id', 'position', 'due_on', 'amount', 'paid', 'settled_on', 'note', 'overdue_notified_for', 'created_at', 'created_by'] as const;
const paymentColumns = [
  'contract_id', 'customer_id', 'owner_id', 'department_id', 'received_on', 'amount', 'currency', 'method', 'reference', 'note', 'created_at', 'created_by',
] as const;
type Value = string | number | null;
type ContractRow = Record<(typeof contractColumns)[number], Value>;
type PlanRow = Record<(typeof planColumns)[number], Value>;
type PaymentRow = Record<(typeof paymentColumns)[number], Value>;

/** One contract with its plan (by due date) and its payments (by date received, the order they are inserted in). */
export interface GeneratedContract {
  contract: ContractRow;
  plan: PlanRow[];
  payments: PaymentRow[];
}

const products = ['ERP 实施', 'CRM 订阅', '数据中台', '年度维保', '硬件采购', 'Cloud migration', '培训服务', '定制开发'];
const methods = ['bank_transfer', 'bank_transfer', 'bank_transfer', 'acceptance_bill', 'cash', 'other'];
const dayMs = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Split `total` fen into `n` positive parts of random weights, in whole yuan where possible. */
function split(rand: () => number, total: number, n: number): number[] {
  if (n <= 1) return [total];
  const weights = Array.from({ length: n }, () => 0.5 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => Math.max(100, Math.floor((total * w) / sum / 100) * 100));
  const rest = total - parts.reduce((a, b) => a + b, 0);
  return rest > 0 ? [...parts, rest] : [total];
}

/**
 * Contract number `i`: signed over the last four years, ¥10,000 to ¥2,000,000. Most have a plan of
 * 3 to 5 instalments due 30 to 360 days after signing (one in ten leaves a retention without a
 * due date); one recent contract in three has no plan yet. Instalments due in the past are mostly
 * paid (85% in full, 8% in part), future ones rarely (5%), each by one to three payments around
 * its due date and never after today. The plan's `paid` and `settled_on` come from the server's
 * own allocation of those payments, first due first. The data is as the scheduler leaves it:
 * overdue instalments and contracts ending within 90 days were told about already (otherwise the
 * server's first run of those jobs would notify hundreds of thousands while it is timed).
 * `maxPayments` cuts the payments (the last contract of a run).
 */
export function generateContract(shape: ReceivablesShape, i: number, maxPayments = Infinity): GeneratedContract {
  const rand = prng(shape.seed * 53 + i);
  const signedOn = addDays(shape.today, -Math.floor(rand() * 4 * 365));
  const owner = shape.owners[Math.floor(rand() * shape.owners.length)];
  if (!owner) throw new Error('no owners');
  const customerId = 1 + Math.floor(rand() * shape.customerCount);
  const amount = Math.round(10_000 * Math.exp(rand() * Math.log(200))) * 100;
  const recent = signedOn > addDays(shape.today, -90);
  const planned = !(recent && rand() < 0.33);
  const number = `HT-B${String(i).padStart(7, '0')}`;
  const title = `${products[i % products.length] ?? '合同'} 合同 #${i}`;
  const signedAt = `${signedOn}T02:00:00.000Z`;
  const dueOffsets = planned ? Array.from({ length: 3 + Math.floor(rand() * 3) }, () => 30 + Math.floor(rand() * 331)).sort((a, b) => a - b) : [];
  const plannedTotal = dueOffsets.length === 0 ? 0 : rand() < 0.1 ? Math.floor(amount * 0.009) * 100 : amount;
  const amounts = dueOffsets.length === 0 ? [] : split(rand, plannedTotal, dueOffsets.length);
  const plan: PlanItem[] = amounts.map((a, k) => ({ id: k + 1, position: k + 1, dueOn: addDays(signedOn, dueOffsets[k] ?? 30), amount: a }));

  const received: PaymentItem[] = [];
  const pay = (parts: number[], around: string) => {
    for (const part of parts) {
      let on = addDays(around, Math.floor(rand() * 50) - 10);
      if (on > shape.today) on = shape.today;
      if (on < signedOn) on = signedOn;
      received.push({ id: 0, receivedOn: on, amount: part });
    }
  };
  for (const instalment of plan) {
    const past = instalment.dueOn < shape.today;
    const r = rand();
    const count = 1 + (rand() < 0.38 ? 1 + (rand() < 0.4 ? 1 : 0) : 0);
    if (past ? r < 0.85 : r < 0.05) pay(split(rand, instalment.amount, count), instalment.dueOn);
    else if (past && r < 0.93) pay(split(rand, Math.max(100, Math.floor((instalment.amount * (0.2 + rand() * 0.6)) / 100) * 100), count), instalment.dueOn);
  }
  // A contract without a plan yet: one in five has a down payment.
  if (!planned && rand() < 0.2) pay([Math.floor(amount * 0.003) * 100], addDays(signedOn, 7));
  received.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  const kept = received.slice(0, Math.max(0, Math.min(received.length, maxPayments)));
  kept.forEach((p, k) => (p.id = k + 1));
  const allocation = new Map(allocatePayments(plan, kept).map((a) => [a.id, a]));
  const receivedAmount = kept.reduce((s, p) => s + p.amount, 0);
  const endsOn = addDays(signedOn, 365);

  const contract: ContractRow = {
    id: i, number, kind: 'contract', customer_id: customerId, owner_id: owner.id, department_id: owner.departmentId, title,
    status: receivedAmount >= amount ? 'completed' : 'active', signed_on: signedOn, starts_on: signedOn, ends_on: endsOn,
    currency: 'CNY', amount, activated_at: signedAt, renewal_notified_for: endsOn <= addDays(shape.today, 90) ? endsOn : null,
    search: `${number.toLowerCase()} ${title.toLowerCase()} ${normalizeForSearch(title)}`,
    planned_amount: plannedTotal, received_amount: receivedAmount, payment_count: kept.length, invoiced_amount: 0, plan_version: planned ? 1 : 0,
    version: 1, created_at: signedAt, updated_at: signedAt, created_by: owner.id, updated_by: owner.id,
  };
  const planRows: PlanRow[] = plan.map((p) => {
    const a = allocation.get(p.id);
    const settledOn = a?.settledOn ?? null;
    return {
      contract_id: i, position: p.position, due_on: p.dueOn, amount: p.amount, paid: a?.paid ?? 0, settled_on: settledOn, note: null,
      overdue_notified_for: settledOn === null && p.dueOn < shape.today ? p.dueOn : null,
      created_at: signedAt, created_by: owner.id,
    };
  });
  const payments: PaymentRow[] = kept.map((p, k) => ({
    contract_id: i, customer_id: customerId, owner_id: owner.id, department_id: owner.departmentId, received_on: p.receivedOn, amount: p.amount,
    currency: 'CNY', method: methods[(i + k) % methods.length] ?? 'bank_transfer', reference: `BR${i}-${k + 1}`, note: null,
    created_at: `${p.receivedOn}T03:00:00.000Z`, created_by: owner.id,
  }));
  return { contract, plan: planRows, payments };
}

/** Contracts, instalments and payments written so far. */
export interface SeededCounts {
  contracts: number;
  instalments: number;
  payments: number;
}

/** Contracts from number 1 on until exactly `payments` payments, in batches of about `batch` contracts. */
function* batches(shape: ReceivablesShape, payments: number, batch: number): Generator<GeneratedContract[]> {
  let made = 0;
  let i = 0;
  while (made < payments) {
    const rows: GeneratedContract[] = [];
    while (rows.length < batch && made < payments) {
      const c = generateContract(shape, ++i, payments - made);
      made += c.payments.length;
      rows.push(c);
    }
    yield rows;
  }
}

function progress(counts: SeededCounts, total: number, reported: { tenths: number }): void {
  const tenths = Math.floor((counts.payments * 10) / total);
  if (tenths > reported.tenths) {
    reported.tenths = tenths;
    process.stderr.write(`  seeded ${counts.payments.toLocaleString('en')} payments (${counts.contracts.toLocaleString('en')} contracts, ${counts.instalments.toLocaleString('en')} instalments)\n`);
  }
}

const contractsPerBatch = 2000;
const tables = ['payments', 'payment_plans', 'invoices', 'contracts'];

/** SQLite: prepared inserts, a transaction per batch, durability off while seeding. */
export function seedSqliteReceivables(file: string, shape: ReceivablesShape, payments: number): SeededCounts {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  for (const t of tables) sqlite.exec(`delete from ${t}`);
  const insert = (table: string, columns: readonly string[]) => sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const contract = insert('contracts', contractColumns);
  const instalment = insert('payment_plans', planColumns);
  const payment = insert('payments', paymentColumns);
  const counts: SeededCounts = { contracts: 0, instalments: 0, payments: 0 };
  const write = sqlite.transaction((rows: GeneratedContract[]) => {
    for (const r of rows) {
      contract.run(r.contract);
      for (const p of r.plan) instalment.run(p);
      for (const p of r.payments) payment.run(p);
      counts.contracts += 1;
      counts.instalments += r.plan.length;
      counts.payments += r.payments.length;
    }
  });
  const reported = { tenths: 0 };
  for (const rows of batches(shape, payments, contractsPerBatch)) {
    write(rows);
    progress(counts, payments, reported);
  }
  process.stderr.write('  analyze…\n');
  sqlite.exec('analyze');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return counts;
}

const integerColumns = new Set(['id', 'customer_id', 'owner_id', 'department_id', 'payment_count', 'plan_version', 'version', 'created_by', 'updated_by', 'contract_id', 'position']);
const bigintColumns = new Set(['amount', 'planned_amount', 'received_amount', 'invoiced_amount', 'paid']);

function unnestInsert(table: string, columns: readonly string[]): string {
  const types = columns.map((c) => (integerColumns.has(c) ? 'int' : bigintColumns.has(c) ? 'bigint' : 'text'));
  return `insert into ${table} (${columns.join(', ')}) select * from unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`;
}

/** PostgreSQL: INSERT … SELECT FROM unnest(arrays) per batch and table, asynchronous commit while seeding. */
export async function seedPostgresReceivables(databaseUrl: string, shape: ReceivablesShape, payments: number): Promise<SeededCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query(`truncate ${tables.join(', ')} restart identity`);
    const counts: SeededCounts = { contracts: 0, instalments: 0, payments: 0 };
    const reported = { tenths: 0 };
    const write = async <R extends Record<string, Value>>(table: string, columns: readonly (keyof R & string)[], rows: R[]) => {
      if (rows.length > 0) await client.query(unnestInsert(table, columns), columns.map((c) => rows.map((r) => r[c])));
    };
    for (const rows of batches(shape, payments, contractsPerBatch)) {
      await write('contracts', contractColumns, rows.map((r) => r.contract));
      await write('payment_plans', planColumns, rows.flatMap((r) => r.plan));
      await write('payments', paymentColumns, rows.flatMap((r) => r.payments));
      counts.contracts += rows.length;
      counts.instalments += rows.reduce((n, r) => n + r.plan.length, 0);
      counts.payments += rows.reduce((n, r) => n + r.payments.length, 0);
      progress(counts, payments, reported);
    }
    await client.query(`select setval(pg_get_serial_sequence('contracts', 'id'), (select max(id) from contracts))`);
    process.stderr.write('  vacuum analyze…\n');
    for (const t of ['contracts', 'payment_plans', 'payments']) await client.query(`vacuum analyze ${t}`);
    return counts;
  } finally {
    await client.end();
  }
}

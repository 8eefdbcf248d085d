/**
 * `npx tsx bench/receivables.ts [--payments N] [--engine sqlite|postgres] [--iterations K] [--keep] [--reuse DB]`
 * (also run by `npm run bench`).
 *
 * Seeds about N/5 signed contracts over 20,000 customers and the benchmark's 50 sales users, with
 * their payment plans and exactly N payments (default 2,000,000), starts the real server, and
 * times over HTTP the receivables aging of the whole company by owner, department and customer (as
 * the administrator), the first group's manager's aging (department scope), the overdue
 * instalments and the payment list; the aging also straight against the database, for the
 * API/raw ratio. Target: aging p95 under 1 s. Writes bench/results/receivables-<engine>-<N>-<time>.json.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { agingPage, type AgingDays, type AgingKey } from '../server/src/modules/receivables/receivables.aging-repository.js';
import { daysBefore } from '../server/src/modules/receivables/receivables.allocation.js';
import { unscoped } from '../server/src/platform/auth/scope.js';
import { companyTimeZone, localDate } from '../server/src/platform/company.js';
import type { Database } from '../server/src/platform/db/database.js';
import { login, type ApiClient } from './http.js';
import { timeRuns, type Stats } from './measure.js';
import { benchDir, type BenchEngine, type BenchOptions } from './options.js';
import { seedPostgresReceivables, seedSqliteReceivables, type ReceivablesShape, type SeededCounts } from './receivables-seed.js';
import { machine, writeResult } from './report.js';
import { prepareData } from './seed.js';
import { startServer, type ServerHandle } from './server.js';

export const receivablesTargetMs = 1000;
const customers = 20_000;

export interface ReceivablesOptions {
  payments: number;
  engine: BenchEngine;
  iterations: number;
  keep: boolean;
  /** PostgreSQL: a database kept by an earlier run (--keep) to time again without seeding. */
  reuse: string | null;
  seed: number;
}

export interface ReceivablesQueryResult {
  name: string;
  who: 'admin' | 'manager';
  path: string;
  api: Stats;
  /** The aging query alone, straight against the database (whole company, first page). */
  raw?: Stats;
  ratioP50?: number;
  ratioP95?: number;
  /** Only the aging requests have the target. */
  targetMs: number | null;
  ok: boolean;
}

export interface ReceivablesReport {
  timestamp: string;
  engine: BenchEngine;
  payments: number;
  counts: SeededCounts;
  customers: number;
  iterations: number;
  seedingSeconds: number | null;
  node: string;
  platform: string;
  cpus: number;
  queries: ReceivablesQueryResult[];
  targetMs: number;
}

async function counts(database: Database): Promise<SeededCounts> {
  const n = async (table: 'contracts' | 'payment_plans' | 'payments') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { contracts: await n('contracts'), instalments: await n('payment_plans'), payments: await n('payments') };
}

/** The sales users with their departments, the first group's manager, and today in the company's time zone. */
async function readShape(database: Database, ownerIds: number[], seed: number) {
  const owners = await database.db.selectFrom('users').select(['id', 'department_id']).where('id', 'in', ownerIds).orderBy('id').execute();
  const manager = owners.find((o) => o.id === ownerIds[0]);
  if (!manager || manager.department_id === null) throw new Error('the first sales user has no department');
  const { email } = await database.db.selectFrom('users').select('email').where('id', '=', manager.id).executeTakeFirstOrThrow();
  const today = localDate(new Date(), await companyTimeZone(database.db));
  const shape: ReceivablesShape = { seed, owners: owners.map((o) => ({ id: o.id, departmentId: o.department_id })), customerCount: customers, today };
  return { shape, managerEmail: email };
}

function agingDays(today: string): AgingDays {
  return { today, minus30: daysBefore(today, 30), minus60: daysBefore(today, 60), minus90: daysBefore(today, 90) };
}

/** Seed (or reuse) the data, start the server, time the aging, overdue and payment requests. */
export async function benchReceivables(options: ReceivablesOptions): Promise<ReceivablesReport> {
  const base: BenchOptions = {
    customers, engine: options.engine, iterations: options.iterations, keep: options.keep, clean: false, seed: options.seed,
    client: 'http', importRows: 0, opportunities: 0, payments: options.payments,
    reuse: options.engine === 'sqlite' ? path.join(benchDir, '.data', `receivables-${options.payments}`) : options.reuse,
  };
  const data = await prepareData(base);
  let server: ServerHandle | null = null;
  let database: Database | null = data.open();
  try {
    let seedingSeconds: number | null = null;
    const { shape, managerEmail } = await readShape(database, data.organisation.ownerIds, options.seed);
    let seeded = await counts(database);
    if (seeded.payments !== options.payments) {
      await database.close();
      database = null;
      process.stderr.write(`Seeding contracts, plans and ${options.payments.toLocaleString('en')} payments\n`);
      const started = performance.now();
      if ('CRM_DATA_DIR' in data.env) seeded = seedSqliteReceivables(path.join(data.env.CRM_DATA_DIR, 'crm.sqlite'), shape, options.payments);
      else seeded = await seedPostgresReceivables(data.env.DATABASE_URL, shape, options.payments);
      seedingSeconds = (performance.now() - started) / 1000;
      process.stderr.write(`  seeded in ${seedingSeconds.toFixed(0)} s\n`);
      database = data.open();
    } else {
      process.stderr.write(`Reusing ${seeded.payments.toLocaleString('en')} seeded payments (${seeded.contracts.toLocaleString('en')} contracts)\n`);
    }
    server = await startServer(data.env);
    const admin = await login(server.baseUrl);
    const manager = await login(server.baseUrl, 'http', { email: managerEmail, password: 'bench-user-password' });
    const plan: Array<{ name: string; who: 'admin' | 'manager'; path: string; aging?: AgingKey }> = [
      { name: 'aging by owner, whole company', who: 'admin', path: '/receivables/aging?groupBy=owner', aging: 'owner' },
      { name: 'aging by department, whole company', who: 'admin', path: '/receivables/aging?groupBy=department', aging: 'department' },
      { name: 'aging by customer, first page', who: 'admin', path: '/receivables/aging?groupBy=customer', aging: 'customer' },
      { name: 'aging by owner, manager (department scope)', who: 'manager', path: '/receivables/aging?groupBy=owner' },
      { name: 'overdue instalments, first page', who: 'admin', path: '/receivables/instalments?status=overdue' },
      { name: 'payments, first page (and their sum)', who: 'admin', path: '/payments' },
    ];
    const clients: Record<'admin' | 'manager', ApiClient> = { admin, manager };
    const queries: ReceivablesQueryResult[] = [];
    const warmup = Math.min(5, options.iterations);
    for (const q of plan) {
      const client = clients[q.who];
      const answer: unknown = JSON.parse(await client.fetchText(q.path));
      if (typeof answer !== 'object' || answer === null) throw new Error(`${q.path} answered no object`);
      const api = await timeRuns(() => client.fetchText(q.path), options.iterations, warmup);
      const isAging = q.path.startsWith('/receivables/aging');
      const result: ReceivablesQueryResult = { name: q.name, who: q.who, path: q.path, api, targetMs: isAging ? receivablesTargetMs : null, ok: !isAging || api.p95 < receivablesTargetMs };
      let line = `  ${q.name}: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms`;
      if (q.aging) {
        const key = q.aging;
        const db = database;
        const days = agingDays(localDate(new Date(), await companyTimeZone(db.db)));
        const raw = await timeRuns(() => agingPage(db.db, key, { scope: unscoped('benchmark: the whole company, as the administrator'), instalmentScope: unscoped('benchmark: the whole company, as the administrator') }, days, 50, 0), options.iterations, warmup);
        Object.assign(result, { raw, ratioP50: api.p50 / raw.p50, ratioP95: api.p95 / raw.p95 });
        line += `; raw p50 ${raw.p50.toFixed(1)} ms, p95 ${raw.p95.toFixed(1)} ms (API/raw p95 ${(api.p95 / raw.p95).toFixed(2)})`;
      }
      queries.push(result);
      process.stderr.write(`${line}\n`);
    }
    admin.close();
    manager.close();
    return {
      timestamp: new Date().toISOString(), engine: options.engine, payments: options.payments, counts: seeded, customers,
      iterations: options.iterations, seedingSeconds, ...machine(), queries, targetMs: receivablesTargetMs,
    };
  } finally {
    await server?.stop();
    await database?.close();
    await data.cleanup();
  }
}

const ms = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1)).padStart(7);

export function formatReceivables(r: ReceivablesReport): string {
  const lines = [
    `Receivables, ${r.engine}, ${r.counts.payments.toLocaleString('en')} payments, ${r.counts.contracts.toLocaleString('en')} contracts, ${r.counts.instalments.toLocaleString('en')} instalments (${r.iterations} runs each; target aging p95 < ${r.targetMs} ms)`,
    `  ${''.padEnd(44)} api p50     p95   raw p50     p95  api/raw p95`,
    ...r.queries.map((q) => `  ${q.name.padEnd(44)} ${ms(q.api.p50)} ${ms(q.api.p95)}   ${ms(q.raw?.p50)} ${ms(q.raw?.p95)}  ${(q.ratioP95?.toFixed(2) ?? '').padStart(6)}  ${q.targetMs === null ? '' : q.ok ? 'ok' : 'MISSED'}`),
  ];
  if (r.seedingSeconds !== null) lines.push(`  seeding took ${r.seedingSeconds.toFixed(0)} s`);
  return lines.join('\n');
}

export function writeReceivables(r: ReceivablesReport): string {
  return writeResult(`receivables-${r.engine}-${r.payments}`, r.timestamp, r);
}

function parse(argv: string[]): ReceivablesOptions {
  const options: ReceivablesOptions = { payments: 2_000_000, engine: 'sqlite', iterations: 30, keep: false, reuse: null, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--payments') options.payments = Number(value().replace(/_/g, ''));
    else if (flag === '--iterations') options.iterations = Number(value());
    else if (flag === '--engine') {
      const e = value();
      if (e !== 'sqlite' && e !== 'postgres') throw new Error('--engine must be sqlite or postgres');
      options.engine = e;
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--reuse') options.reuse = value();
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!Number.isInteger(options.payments) || options.payments <= 0) throw new Error('--payments needs a positive integer');
  if (!Number.isInteger(options.iterations) || options.iterations <= 0) throw new Error('--iterations needs a positive integer');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(benchDir, 'receivables.ts')) {
  benchReceivables(parse(process.argv.slice(2)))
    .then((report) => {
      console.log(formatReceivables(report));
      console.log(`\nWritten to ${writeReceivables(report)}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

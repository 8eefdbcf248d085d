/**
 * `npx tsx bench/analytics.ts [--transactions N] [--customers C] [--engine sqlite|postgres] [--iterations K] [--keep] [--reuse DIR|DB]`
 * (also run by `npm run bench`, `--transactions N`, 0 skips it).
 *
 * On C customers (default N / 20; the customer figure's seeded database bench/.data/sqlite-C is
 * copied when it holds them) seeds N imported purchases (default 20,000,000, bench/analytics-seed.ts), starts the
 * compiled server, requests an analytics run over HTTP (POST /analytics/runs, on SQLite computed
 * on the server's analytics thread) and times it to completion while another client reads the
 * customer list's first page every 100 ms; then times every dashboard (and its drill-down) over
 * HTTP as the administrator (scope all), a sales manager (his department) and a salesperson (his
 * own). Targets (issue 14): the run under 60 s, the list's p95 under 100 ms meanwhile, each
 * dashboard's p95 under 500 ms. Writes bench/results/analytics-<engine>-<N>-<time>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { localDate, companyTimeZone } from '../server/src/platform/company.js';
import type { Database } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { foldFieldDeltas } from '../server/src/modules/analytics/analytics.field-counts.js';
import { foldRevenue } from '../server/src/modules/analytics/analytics.revenue.js';
import { purchaseCount, seedPostgresPurchases, seedSqlitePurchases } from './analytics-seed.js';
import { login, type ApiClient } from './http.js';
import { stats, timeRuns, type Stats } from './measure.js';
import { benchDir, type BenchEngine, type BenchOptions } from './options.js';
import { machine, writeResult } from './report.js';
import { prepareData } from './seed.js';
import { benchAdmin } from './setup.js';
import { startServer, type ServerHandle } from './server.js';

export const analyticsTargets = { runSeconds: 60, listP95Ms: 100, dashboardP95Ms: 500 };

export interface AnalyticsOptions {
  transactions: number;
  customers: number;
  engine: BenchEngine;
  iterations: number;
  keep: boolean;
  /** SQLite: the data folder (default bench/.data/analytics-C); PostgreSQL: a database kept by an earlier run (--keep). */
  reuse: string | null;
  seed: number;
}

interface RunAnswer {
  id: number;
  status: string;
  progress: number;
  customers: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface DashboardResult {
  name: string;
  who: 'admin' | 'manager' | 'salesperson';
  path: string;
  api: Stats;
  ok: boolean;
}

export interface AnalyticsReport {
  timestamp: string;
  engine: BenchEngine;
  customers: number;
  transactions: number;
  iterations: number;
  seedingSeconds: number | null;
  /** The fold of the customers whose transactions were written since the last (all of them after seeding or migration 0042): revenue by month's stored months. */
  revenueFold: { seconds: number; customers: number };
  node: string;
  platform: string;
  cpus: number;
  run: { seconds: number; wallSeconds: number; customers: number; ok: boolean };
  /** GET /customers (first page) one every 100 ms while the run computed. */
  listDuringRun: Stats & { ok: boolean };
  dashboards: DashboardResult[];
  targets: typeof analyticsTargets;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLite: start from the customer figure's database (bench/.data/sqlite-C) when it holds C customers, copied by VACUUM INTO (safe while others read it). */
function copyCustomers(dataDir: string, customers: number): void {
  const target = path.join(dataDir, 'crm.sqlite');
  const source = path.join(benchDir, '.data', `sqlite-${customers}`, 'crm.sqlite');
  if (fs.existsSync(target) || !fs.existsSync(source)) return;
  const db = new SQLite(source, { readonly: true });
  try {
    const counter = db.prepare("select value from counters where name = 'customer_archive_no'").get() as { value: number } | undefined;
    const count = (db.prepare('select count(*) as n from customers').get() as { n: number }).n;
    if (counter?.value !== customers || count !== customers) return;
    fs.mkdirSync(dataDir, { recursive: true });
    process.stderr.write(`Copying ${customers.toLocaleString('en')} customers from ${source}\n`);
    // Into a temporary name first: an interrupted copy leaves no half database to be taken for a seeded one.
    db.prepare('vacuum into ?').run(`${target}.copy`);
    fs.renameSync(`${target}.copy`, target);
  } finally {
    db.close();
  }
}

async function postJson<T>(baseUrl: string, cookie: string, url: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

async function sessionCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchAdmin) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('crm_session='));
  if (!cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

/** Request a run and wait for it, reading the list every 100 ms meanwhile. */
async function timeRun(server: ServerHandle, admin: ApiClient): Promise<{ run: RunAnswer; wallSeconds: number; list: Stats }> {
  const cookie = await sessionCookie(server.baseUrl);
  const started = performance.now();
  const requested = await postJson<RunAnswer>(server.baseUrl, cookie, '/analytics/runs');
  let finished: RunAnswer | null = null;
  const watcher = (async () => {
    let reported = -1;
    for (;;) {
      const run = JSON.parse(await admin.fetchText(`/analytics/runs/${requested.id}`)) as RunAnswer;
      if (run.progress !== reported) {
        reported = run.progress;
        process.stderr.write(`  run ${run.id}: ${run.progress}% after ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      }
      if (run.status !== 'running') return run;
      await sleep(250);
    }
  })().then((run) => (finished = run));
  const lister = await login(server.baseUrl);
  const samples: number[] = [];
  while (!finished) {
    const t0 = performance.now();
    await lister.fetchText('/customers');
    const took = performance.now() - t0;
    samples.push(took);
    await sleep(Math.max(0, 100 - took));
  }
  lister.close();
  const run = await watcher;
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 'done') throw new Error(`the analytics run ended ${run.status}: ${run.error ?? ''}\n${server.output()}`);
  return { run, wallSeconds, list: stats(samples) };
}

/** The dashboards of the web's /analytics page and their drill-downs, with keys read from the answers. */
async function dashboardPlan(admin: ApiClient): Promise<Array<{ name: string; path: string }>> {
  const composition = JSON.parse(await admin.fetchText('/analytics/dashboard/composition')) as { byProvince: Array<{ key: string }> };
  const province = encodeURIComponent(composition.byProvince[0]?.key ?? '');
  const revenue = JSON.parse(await admin.fetchText('/analytics/dashboard/revenue')) as { months: Array<{ month: string }> };
  const month = revenue.months[revenue.months.length - 2]?.month ?? '';
  return [
    { name: 'composition', path: '/analytics/dashboard/composition' },
    { name: 'composition, cities of a province', path: `/analytics/dashboard/composition?province=${province}` },
    { name: 'composition drill-down (province)', path: `/analytics/dashboard/composition/customers?dimension=province&key=${province}` },
    { name: 'revenue by month (12 months)', path: '/analytics/dashboard/revenue' },
    { name: 'revenue drill-down (one month)', path: `/analytics/dashboard/revenue/customers?month=${month}` },
    { name: 'ABC Pareto', path: '/analytics/dashboard/abc' },
    { name: 'value pyramid', path: '/analytics/dashboard/value-pyramid' },
    { name: 'quadrants', path: '/analytics/dashboard/quadrants' },
    { name: 'RFM segments', path: '/analytics/dashboard/rfm' },
    { name: 'churn risk, first page', path: '/analytics/dashboard/churn' },
    { name: 'analytics list, first page', path: '/analytics/customers' },
    { name: 'summary', path: '/analytics/summary' },
  ];
}

async function seedPurchases(data: Awaited<ReturnType<typeof prepareData>>, options: AnalyticsOptions, today: string): Promise<number | null> {
  const shape = { transactions: options.transactions, today };
  if ('CRM_DATA_DIR' in data.env) {
    const file = path.join(data.env.CRM_DATA_DIR, 'crm.sqlite');
    if (purchaseCount(file) === options.transactions) return null;
    process.stderr.write(`Seeding ${options.transactions.toLocaleString('en')} purchases\n`);
    const t0 = performance.now();
    seedSqlitePurchases(file, shape);
    return (performance.now() - t0) / 1000;
  }
  const client = data.open();
  const n = Number((await client.db.selectFrom('purchase_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await client.close();
  if (n === options.transactions) return null;
  process.stderr.write(`Seeding ${options.transactions.toLocaleString('en')} purchases\n`);
  const t0 = performance.now();
  await seedPostgresPurchases(data.env.DATABASE_URL, shape);
  return (performance.now() - t0) / 1000;
}

/** Every bench run starts from no analytics at all: the run timed is the first (no earlier results to compare, prune or alert on). */
async function forgetRuns(database: Database): Promise<void> {
  await database.db.deleteFrom('analytics_results').execute();
  await database.db.deleteFrom('analytics_rollups').execute();
  await database.db.deleteFrom('analytics_customer_moves').execute();
  await database.db.deleteFrom('analytics_winbacks').execute();
  await database.db.deleteFrom('analytics_keeps').execute();
  await database.db.deleteFrom('analytics_runs').execute();
}

export async function benchAnalytics(options: AnalyticsOptions): Promise<AnalyticsReport> {
  const reuse = options.engine === 'sqlite' ? (options.reuse ?? path.join(benchDir, '.data', `analytics-${options.customers}`)) : options.reuse;
  if (options.engine === 'sqlite') copyCustomers(reuse ?? '', options.customers);
  const base: BenchOptions = {
    customers: options.customers, engine: options.engine, iterations: options.iterations, keep: options.keep, clean: false, seed: options.seed,
    client: 'http', importRows: 0, opportunities: 0, payments: 0, reuse,
  };
  const data = await prepareData(base);
  let server: ServerHandle | null = null;
  const clients: ApiClient[] = [];
  try {
    // The server's migrations first (a copied or reused database may predate the purchases' index), then the purchases.
    let database = data.open();
    await migrate(database);
    const today = localDate(new Date(), await companyTimeZone(database.db));
    await database.close();
    const seedingSeconds = await seedPurchases(data, options, today);
    database = data.open();
    await forgetRuns(database);
    // The composition's counts take in the customers seeded (a freshly seeded million leaves 7,000,000 deltas for the server's job otherwise).
    const folded = await foldFieldDeltas(database.db, options.engine);
    if (folded > 0) process.stderr.write(`  ${folded.toLocaleString('en')} field count deltas folded\n`);
    const foldStart = performance.now();
    const revenueFold = { customers: await foldRevenue(database.db, options.engine), seconds: 0 };
    revenueFold.seconds = (performance.now() - foldStart) / 1000;
    process.stderr.write(`  revenue months folded for ${revenueFold.customers.toLocaleString('en')} customers in ${revenueFold.seconds.toFixed(1)} s\n`);
    await database.close();
    server = await startServer(data.env);
    const admin = await login(server.baseUrl);
    clients.push(admin);
    process.stderr.write(`Analytics run over ${options.customers.toLocaleString('en')} customers, ${options.transactions.toLocaleString('en')} purchases\n`);
    const { run, wallSeconds, list } = await timeRun(server, admin);
    const seconds = (Date.parse(run.finishedAt ?? '') - Date.parse(run.startedAt)) / 1000;
    process.stderr.write(`  done in ${seconds.toFixed(1)} s (${run.customers.toLocaleString('en')} customers); list p95 ${list.p95.toFixed(1)} ms meanwhile\n`);
    const manager = await login(server.baseUrl, 'http', { email: 'sales01@bench.example.com', password: 'bench-user-password' });
    const salesperson = await login(server.baseUrl, 'http', { email: 'sales02@bench.example.com', password: 'bench-user-password' });
    clients.push(manager, salesperson);
    const who = { admin, manager, salesperson } as const;
    const dashboards: DashboardResult[] = [];
    const plan = await dashboardPlan(admin);
    for (const [role, client] of Object.entries(who) as Array<[DashboardResult['who'], ApiClient]>) {
      for (const d of plan) {
        const api = await timeRuns(() => client.fetchText(d.path), options.iterations, 1);
        dashboards.push({ name: d.name, who: role, path: d.path, api, ok: api.p95 < analyticsTargets.dashboardP95Ms });
        process.stderr.write(`  ${role} ${d.name}: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms\n`);
      }
    }
    return {
      timestamp: new Date().toISOString(), engine: options.engine, customers: options.customers, transactions: options.transactions, iterations: options.iterations,
      seedingSeconds, revenueFold, ...machine(),
      run: { seconds, wallSeconds, customers: run.customers, ok: seconds < analyticsTargets.runSeconds },
      listDuringRun: { ...list, ok: list.p95 < analyticsTargets.listP95Ms },
      dashboards, targets: analyticsTargets,
    };
  } finally {
    for (const c of clients) c.close();
    await server?.stop();
    await data.cleanup();
  }
}

const ms = (v: number) => v.toFixed(1).padStart(8);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

export function formatAnalytics(r: AnalyticsReport): string {
  const lines = [
    `Analytics, ${r.engine}, ${r.customers.toLocaleString('en')} customers, ${r.transactions.toLocaleString('en')} purchases (${r.iterations} runs per dashboard)`,
    `  full recomputation: ${r.run.seconds.toFixed(1)} s (${r.run.customers.toLocaleString('en')} customers with transactions; target < ${r.targets.runSeconds} s) ${verdict(r.run.ok)}`,
    `  GET /customers meanwhile, one every 100 ms: ${r.listDuringRun.runs} requests, p50 ${r.listDuringRun.p50.toFixed(1)} ms, p95 ${r.listDuringRun.p95.toFixed(1)} ms, max ${r.listDuringRun.max.toFixed(1)} ms (target p95 < ${r.targets.listP95Ms} ms) ${verdict(r.listDuringRun.ok)}`,
    `  ${'dashboard'.padEnd(36)} ${'who'.padEnd(12)}      p50      p95  (target p95 < ${r.targets.dashboardP95Ms} ms)`,
    ...r.dashboards.map((d) => `  ${d.name.padEnd(36)} ${d.who.padEnd(12)} ${ms(d.api.p50)} ${ms(d.api.p95)}  ${verdict(d.ok)}`),
  ];
  if (r.seedingSeconds !== null) lines.push(`  seeding the purchases took ${r.seedingSeconds.toFixed(0)} s`);
  lines.push(`  revenue by month's fold: ${r.revenueFold.customers.toLocaleString('en')} customers in ${r.revenueFold.seconds.toFixed(1)} s`);
  return lines.join('\n');
}

export function writeAnalytics(r: AnalyticsReport): string {
  return writeResult(`analytics-${r.engine}-${r.transactions}`, r.timestamp, r);
}

function parse(argv: string[]): AnalyticsOptions {
  const options: AnalyticsOptions = { transactions: 20_000_000, customers: 0, engine: 'sqlite', iterations: 5, keep: false, reuse: null, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--transactions') options.transactions = Number(value().replace(/_/g, ''));
    else if (flag === '--customers') options.customers = Number(value().replace(/_/g, ''));
    else if (flag === '--iterations') options.iterations = Number(value());
    else if (flag === '--engine') {
      const e = value();
      if (e !== 'sqlite' && e !== 'postgres') throw new Error('--engine must be sqlite or postgres');
      options.engine = e;
    } else if (flag === '--keep') options.keep = true;
    else if (flag === '--reuse') options.reuse = value();
    else throw new Error(`Unknown option ${flag}`);
  }
  // The proportion by default: 20 purchases a customer (1,000,000 customers for 20,000,000).
  if (options.customers === 0) options.customers = Math.max(1, Math.floor(options.transactions / 20));
  for (const [name, v] of [['--transactions', options.transactions], ['--customers', options.customers], ['--iterations', options.iterations]] as const) {
    if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} needs a positive integer`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(benchDir, 'analytics.ts')) {
  benchAnalytics(parse(process.argv.slice(2)))
    .then((report) => {
      console.log(formatAnalytics(report));
      console.log(`\nWritten to ${writeAnalytics(report)}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

/**
 * `npx tsx bench/sales.ts [--opportunities N] [--engine sqlite|postgres] [--iterations K] [--keep]`
 * (also run by `npm run bench`).
 *
 * Seeds N opportunities (default 1,000,000) over 20,000 customers and the benchmark's 50 sales
 * users in five groups, starts the real server, and times over HTTP the pipeline board of one
 * department and the forecast query, as the administrator with a department filter and as that
 * department's manager (data scope: their department). Target: p95 under 150 ms.
 * Writes bench/results/sales-<engine>-<N>-<time>.json.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '../server/src/platform/db/database.js';
import { login, type ApiClient } from './http.js';
import { timeRuns, type Stats } from './measure.js';
import { benchDir, type BenchEngine, type BenchOptions } from './options.js';
import { machine, writeResult } from './report.js';
import { opportunityCount, readPipeline, seedPostgresOpportunities, seedSqliteOpportunities, type SalesShape } from './sales-seed.js';
import { prepareData } from './seed.js';
import { startServer, type ServerHandle } from './server.js';

export const salesTargetMs = 150;
const customers = 20_000;

export interface SalesOptions {
  opportunities: number;
  engine: BenchEngine;
  iterations: number;
  keep: boolean;
  seed: number;
}

export interface SalesQueryResult {
  name: string;
  who: 'admin' | 'manager';
  path: string;
  api: Stats;
  ok: boolean;
}

export interface SalesReport {
  timestamp: string;
  engine: BenchEngine;
  opportunities: number;
  customers: number;
  iterations: number;
  seedingSeconds: number | null;
  node: string;
  platform: string;
  cpus: number;
  queries: SalesQueryResult[];
  targetMs: number;
}

function month(offset: number, now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

/** The first sales group and its manager (setup.ts makes the first user of each group its manager). */
async function firstGroup(open: () => Database): Promise<{ departmentId: number; managerEmail: string }> {
  const database = open();
  try {
    const manager = await database.db
      .selectFrom('users')
      .select(['email', 'department_id'])
      .where('email', '=', 'sales01@bench.example.com')
      .executeTakeFirstOrThrow();
    if (manager.department_id === null) throw new Error('sales01 has no department');
    return { departmentId: manager.department_id, managerEmail: manager.email };
  } finally {
    await database.close();
  }
}

/** Seed (or reuse) the data, start the server, time the board and forecast queries. */
export async function benchSales(options: SalesOptions): Promise<SalesReport> {
  const base: BenchOptions = {
    customers, engine: options.engine, iterations: options.iterations, keep: options.keep, clean: false, seed: options.seed,
    client: 'http', importRows: 0, opportunities: options.opportunities, payments: 0,
    reuse: options.engine === 'sqlite' ? path.join(benchDir, '.data', `sales-${options.opportunities}`) : null,
  };
  const data = await prepareData(base);
  let server: ServerHandle | null = null;
  try {
    let seedingSeconds: number | null = null;
    const database = data.open();
    const existing = await opportunityCount(database);
    const pipeline = await readPipeline(database);
    await database.close();
    if (existing !== options.opportunities) {
      process.stderr.write(`Seeding ${options.opportunities.toLocaleString('en')} opportunities\n`);
      const started = performance.now();
      const shape: SalesShape = { seed: options.seed, ownerIds: data.organisation.ownerIds, adminId: data.organisation.adminId, customerCount: customers, now: new Date(), ...pipeline };
      if ('CRM_DATA_DIR' in data.env) seedSqliteOpportunities(path.join(data.env.CRM_DATA_DIR, 'crm.sqlite'), shape, options.opportunities);
      else await seedPostgresOpportunities(data.env.DATABASE_URL, shape, options.opportunities);
      seedingSeconds = (performance.now() - started) / 1000;
    } else {
      process.stderr.write(`Reusing ${options.opportunities.toLocaleString('en')} seeded opportunities\n`);
    }
    const group = await firstGroup(data.open);
    server = await startServer(data.env);
    const admin = await login(server.baseUrl);
    const manager = await login(server.baseUrl, 'http', { email: group.managerEmail, password: 'bench-user-password' });
    const now = new Date();
    const range = `from=${month(0, now)}&to=${month(11, now)}`;
    const plan: Array<{ name: string; who: 'admin' | 'manager'; path: string }> = [
      { name: 'board, one department (filter)', who: 'admin', path: `/opportunities/board?departmentId=${group.departmentId}` },
      { name: 'board, manager (department scope)', who: 'manager', path: '/opportunities/board' },
      { name: 'board, whole company', who: 'admin', path: '/opportunities/board' },
      { name: 'forecast 12 months by owner', who: 'admin', path: `/forecast?${range}&groupBy=owner` },
      { name: 'forecast 12 months by department', who: 'admin', path: `/forecast?${range}&groupBy=department` },
      { name: 'forecast, one department', who: 'admin', path: `/forecast?${range}&groupBy=owner&departmentId=${group.departmentId}` },
      { name: 'forecast, manager (department scope)', who: 'manager', path: `/forecast?${range}&groupBy=owner` },
      { name: 'table, one department, first page', who: 'admin', path: `/opportunities?departmentId=${group.departmentId}&status=open` },
      { name: 'forecast drill-down (month, department)', who: 'admin', path: `/opportunities?forecastMonth=${month(1, now)}&departmentId=${group.departmentId}` },
    ];
    const clients: Record<'admin' | 'manager', ApiClient> = { admin, manager };
    const queries: SalesQueryResult[] = [];
    for (const q of plan) {
      const client = clients[q.who];
      const answer: unknown = JSON.parse(await client.fetchText(q.path));
      if (typeof answer !== 'object' || answer === null) throw new Error(`${q.path} answered no object`);
      const api = await timeRuns(() => client.fetchText(q.path), options.iterations, Math.min(10, options.iterations));
      queries.push({ ...q, api, ok: api.p95 < salesTargetMs });
      process.stderr.write(`  ${q.name}: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms\n`);
    }
    admin.close();
    manager.close();
    return {
      timestamp: new Date().toISOString(), engine: options.engine, opportunities: options.opportunities, customers,
      iterations: options.iterations, seedingSeconds, ...machine(), queries, targetMs: salesTargetMs,
    };
  } finally {
    await server?.stop();
    await data.cleanup();
  }
}

export function formatSales(r: SalesReport): string {
  const lines = [
    `Sales pipeline, ${r.engine}, ${r.opportunities.toLocaleString('en')} opportunities (${r.iterations} runs each; target p95 < ${r.targetMs} ms)`,
    ...r.queries.map((q) => `  ${q.name.padEnd(44)} p50 ${q.api.p50.toFixed(1).padStart(7)}  p95 ${q.api.p95.toFixed(1).padStart(7)}  ${q.ok ? 'ok' : 'MISSED'}`),
  ];
  if (r.seedingSeconds !== null) lines.push(`  seeding took ${r.seedingSeconds.toFixed(0)} s`);
  return lines.join('\n');
}

export function writeSales(r: SalesReport): string {
  return writeResult(`sales-${r.engine}-${r.opportunities}`, r.timestamp, r);
}

function parse(argv: string[]): SalesOptions {
  const options: SalesOptions = { opportunities: 1_000_000, engine: 'sqlite', iterations: 100, keep: false, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--opportunities') options.opportunities = Number(value().replace(/_/g, ''));
    else if (flag === '--iterations') options.iterations = Number(value());
    else if (flag === '--engine') {
      const e = value();
      if (e !== 'sqlite' && e !== 'postgres') throw new Error('--engine must be sqlite or postgres');
      options.engine = e;
    } else if (flag === '--keep') options.keep = true;
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!Number.isInteger(options.opportunities) || options.opportunities <= 0) throw new Error('--opportunities needs a positive integer');
  if (!Number.isInteger(options.iterations) || options.iterations <= 0) throw new Error('--iterations needs a positive integer');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(benchDir, 'sales.ts')) {
  benchSales(parse(process.argv.slice(2)))
    .then((report) => {
      console.log(formatSales(report));
      console.log(`\nWritten to ${writeSales(report)}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

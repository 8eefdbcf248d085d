/**
 * `npx tsx bench/workbench.ts [--follow-ups N] [--customers C] [--engine sqlite|postgres] [--iterations K] [--keep] [--reuse DB]`
 *
 * Seeds C customers (default 100,000) over the benchmark's 50 sales users, then N follow-ups
 * (default 200,000; `--follow-ups 10000000` for the target size) with their timeline entries, a
 * task for every 20 and a notification for every 50, sets the customers' follow-up clocks, turns
 * the pool rules on (30 days without a follow-up, warned 3 days before; the rules' lease is taken
 * so that the server does not run them while it is timed), starts the real server, and times
 * GET /workbench over HTTP as a salesperson (data scope: own), a group manager (department tree)
 * and the administrator (all). Target: p95 under 100 ms at 10,000,000 follow-ups.
 * Writes bench/results/workbench-<engine>-<N>-<time>.json.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '../server/src/platform/db/database.js';
import { login, type ApiClient } from './http.js';
import { timeRuns, type Stats } from './measure.js';
import { benchDir, type BenchEngine, type BenchOptions } from './options.js';
import { machine, writeResult } from './report.js';
import { prepareData } from './seed.js';
import { startServer, type ServerHandle } from './server.js';
import { seedPostgresWorkbench, seedSqliteWorkbench, seedTimelineCustomer, timelineEvents, type WorkbenchShape } from './workbench-seed.js';

export const workbenchTargetMs = 100;
/** A page of a customer's timeline of 5,000 events: p95 under 50 ms. */
export const timelineTargetMs = 50;

export interface WorkbenchOptions {
  followUps: number;
  customers: number;
  engine: BenchEngine;
  iterations: number;
  keep: boolean;
  /** PostgreSQL: a database kept by an earlier run (--keep) to time again without seeding. */
  reuse: string | null;
  seed: number;
}

type Who = 'salesperson' | 'manager' | 'admin';

export interface WorkbenchQueryResult {
  name: string;
  who: Who;
  api: Stats;
  /** What the answer held: the section totals, to show the work was real. */
  sections: Record<string, number | null>;
  ok: boolean;
}

export interface WorkbenchReport {
  timestamp: string;
  engine: BenchEngine;
  followUps: number;
  customers: number;
  iterations: number;
  seedingSeconds: number | null;
  node: string;
  platform: string;
  cpus: number;
  queries: WorkbenchQueryResult[];
  targetMs: number;
  /** Paging the timeline of one of the salesperson's customers, which carries 5,000 events. */
  timeline: { customerId: number; events: number; pages: TimelinePageResult[]; targetMs: number } | null;
}

export interface TimelinePageResult {
  name: string;
  path: string;
  api: Stats;
  /** Entries on the page and the total the answer reported. */
  items: number;
  total: number;
  ok: boolean;
}

const poolRules = { enabled: true, noFollowUpDays: 30, noDealDays: null, warnDaysBefore: 3, maxCustomersPerUser: null, reclaimWaitDays: 7, exemptStatuses: ['first_purchase', 'repeat', 'loyal'] };

async function followUpCount(database: Database): Promise<number> {
  return Number((await database.db.selectFrom('follow_ups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** The owned live customers and their owners: whom follow-ups, tasks and notices are about. */
async function readShape(database: Database, ownerIds: number[], seed: number): Promise<WorkbenchShape> {
  const customers = await database.db.selectFrom('customers').select(['id', 'owner_id']).where('owner_id', 'is not', null).where('deleted_at', 'is', null).orderBy('id').execute();
  return { seed, ownerIds, customers: customers.map((c) => ({ id: c.id, ownerId: Number(c.owner_id) })), nowMs: Date.now() };
}

/** Pool rules on, and their lease held far ahead: the server's scheduler leaves the customers alone while it is timed. */
async function holdPoolRules(database: Database): Promise<void> {
  const db = database.db;
  const at = new Date().toISOString();
  await db.deleteFrom('settings').where('key', '=', 'pool_rules').execute();
  await db.insertInto('settings').values({ key: 'pool_rules', value: JSON.stringify(poolRules), version: 1, updated_at: at, updated_by: null }).execute();
  await db.deleteFrom('leases').where('name', '=', 'pool-rules').execute();
  await db.insertInto('leases').values({ name: 'pool-rules', holder: 'bench/workbench.ts', expires_at: '9999-12-31T00:00:00.000Z' }).execute();
}

/** Seed (or reuse) the data, start the server, time the workbench. */
export async function benchWorkbench(options: WorkbenchOptions): Promise<WorkbenchReport> {
  const base: BenchOptions = {
    customers: options.customers, engine: options.engine, iterations: options.iterations, keep: options.keep, clean: false, seed: options.seed,
    client: 'http', importRows: 0, opportunities: 0, payments: 0,
    reuse: options.engine === 'sqlite' ? path.join(benchDir, '.data', `workbench-${options.customers}`) : options.reuse,
  };
  const data = await prepareData(base);
  let server: ServerHandle | null = null;
  let database: Database | null = data.open();
  try {
    let seedingSeconds: number | null = null;
    if ((await followUpCount(database)) !== options.followUps) {
      const shape = await readShape(database, data.organisation.ownerIds, options.seed);
      await database.close();
      database = null;
      process.stderr.write(`Seeding ${options.followUps.toLocaleString('en')} follow-ups over ${shape.customers.length.toLocaleString('en')} owned customers\n`);
      const started = performance.now();
      if ('CRM_DATA_DIR' in data.env) seedSqliteWorkbench(path.join(data.env.CRM_DATA_DIR, 'crm.sqlite'), shape, options.followUps);
      else await seedPostgresWorkbench(data.env.DATABASE_URL, shape, options.followUps);
      seedingSeconds = (performance.now() - started) / 1000;
      process.stderr.write(`  seeded in ${seedingSeconds.toFixed(0)} s\n`);
      database = data.open();
    } else {
      process.stderr.write(`Reusing ${options.followUps.toLocaleString('en')} seeded follow-ups\n`);
    }
    await holdPoolRules(database);
    const salesperson = await database.db.selectFrom('users').select('id').where('email', '=', 'sales02@bench.example.com').executeTakeFirstOrThrow();
    const timelineCustomer = await seedTimelineCustomer(database, salesperson.id, timelineEvents);
    await database.close();
    database = null;
    server = await startServer(data.env);
    // sales01 leads the first group (department tree); sales02 is one of its salespeople (own).
    const clients: Record<Who, ApiClient> = {
      salesperson: await login(server.baseUrl, 'http', { email: 'sales02@bench.example.com', password: 'bench-user-password' }),
      manager: await login(server.baseUrl, 'http', { email: 'sales01@bench.example.com', password: 'bench-user-password' }),
      admin: await login(server.baseUrl),
    };
    const plan: Array<{ name: string; who: Who }> = [
      { name: 'workbench, salesperson (own scope)', who: 'salesperson' },
      { name: 'workbench, group manager (department tree)', who: 'manager' },
      { name: 'workbench, administrator (all)', who: 'admin' },
    ];
    const queries: WorkbenchQueryResult[] = [];
    const warmup = Math.min(5, options.iterations);
    for (const q of plan) {
      const client = clients[q.who];
      const answer = JSON.parse(await client.fetchText('/workbench')) as Record<string, { total?: number; items?: unknown[]; today?: { total: number } } | null>;
      const total = (key: string) => {
        const s = answer[key];
        return s === null || s === undefined ? null : (s.total ?? s.items?.length ?? null);
      };
      const sections = { tasksToday: answer.tasks?.today?.total ?? null, dueCustomers: total('dueCustomers'), reminders: total('reminders'), approvals: total('approvals'), recent: total('recent'), poolRisk: total('poolRisk') };
      const api = await timeRuns(() => client.fetchText('/workbench'), options.iterations, warmup);
      queries.push({ name: q.name, who: q.who, api, sections, ok: api.p95 < workbenchTargetMs });
      process.stderr.write(`  ${q.name}: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms ${JSON.stringify(sections)}\n`);
    }
    // The timeline of the salesperson's customer with 5,000 events: its first page, a page in the
    // middle, its last page (20 entries a page), and its follow-ups alone.
    const pages: TimelinePageResult[] = [];
    const last = Math.ceil(timelineEvents / 20);
    for (const [name, query] of [
      ['timeline, first page', 'page=1&pageSize=20'],
      ['timeline, middle page', `page=${Math.ceil(last / 2)}&pageSize=20`],
      ['timeline, last page', `page=${last}&pageSize=20`],
      ['timeline, follow-ups only, first page', 'page=1&pageSize=20&actions=follow_up'],
    ] as const) {
      const url = `/customers/${timelineCustomer}/history?${query}`;
      const answer = JSON.parse(await clients.salesperson.fetchText(url)) as { items: unknown[]; total: number };
      const api = await timeRuns(() => clients.salesperson.fetchText(url), options.iterations, warmup);
      pages.push({ name, path: url, api, items: answer.items.length, total: answer.total, ok: api.p95 < timelineTargetMs && answer.items.length > 0 });
      process.stderr.write(`  ${name}: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms (${answer.items.length} of ${answer.total})\n`);
    }
    for (const client of Object.values(clients)) client.close();
    return {
      timestamp: new Date().toISOString(), engine: options.engine, followUps: options.followUps, customers: options.customers,
      iterations: options.iterations, seedingSeconds, ...machine(), queries, targetMs: workbenchTargetMs,
      timeline: { customerId: timelineCustomer, events: timelineEvents, pages, targetMs: timelineTargetMs },
    };
  } finally {
    await server?.stop();
    await database?.close();
    await data.cleanup();
  }
}

const ms = (v: number) => v.toFixed(1).padStart(7);

export function formatWorkbench(r: WorkbenchReport): string {
  const lines = [
    `Workbench, ${r.engine}, ${r.followUps.toLocaleString('en')} follow-ups, ${r.customers.toLocaleString('en')} customers (${r.iterations} runs each; target p95 < ${r.targetMs} ms)`,
    `  ${''.padEnd(44)} p50     p95     p99`,
    ...r.queries.map((q) => `  ${q.name.padEnd(44)} ${ms(q.api.p50)} ${ms(q.api.p95)} ${ms(q.api.p99)}  ${q.ok ? 'ok' : 'MISSED'}`),
  ];
  if (r.timeline) {
    lines.push(`  Timeline of a customer with ${r.timeline.events.toLocaleString('en')} events (target p95 < ${r.timeline.targetMs} ms)`);
    for (const p of r.timeline.pages) lines.push(`  ${p.name.padEnd(44)} ${ms(p.api.p50)} ${ms(p.api.p95)} ${ms(p.api.p99)}  ${p.ok ? 'ok' : 'MISSED'}`);
  }
  if (r.seedingSeconds !== null) lines.push(`  seeding took ${r.seedingSeconds.toFixed(0)} s`);
  return lines.join('\n');
}

export function writeWorkbench(r: WorkbenchReport): string {
  return writeResult(`workbench-${r.engine}-${r.followUps}`, r.timestamp, r);
}

function parse(argv: string[]): WorkbenchOptions {
  const options: WorkbenchOptions = { followUps: 200_000, customers: 100_000, engine: 'sqlite', iterations: 100, keep: false, reuse: null, seed: 20261122 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--follow-ups') options.followUps = Number(value().replace(/_/g, ''));
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
  for (const [name, n] of [['--follow-ups', options.followUps], ['--customers', options.customers], ['--iterations', options.iterations]] as const) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive integer`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(benchDir, 'workbench.ts')) {
  benchWorkbench(parse(process.argv.slice(2)))
    .then((report) => {
      console.log(formatWorkbench(report));
      console.log(`\nWritten to ${writeWorkbench(report)}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

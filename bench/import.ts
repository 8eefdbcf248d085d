/**
 * The import figures, each while another client times the first page of the customer list:
 * - create: a generated CSV of realistic customers (Chinese company and person names, mobile
 *   numbers, about 5% duplicates of earlier rows written differently) imported through the API
 *   with duplicate checking (mode skip) into a fresh database;
 * - update: a CSV whose rows are seeded customers (the same names, phones and emails, so that
 *   duplicate mode `update` matches them) with a new industry and notes and a primary contact
 *   (联系人, 联系人手机), imported into a copy of a database seeded with `--customers N`.
 *
 * Alone: `npx tsx bench/import.ts [--scenario create|update] [--rows N] [--customers N] [--engine sqlite|postgres] [--reuse DB]`
 * (CRM_IMPORT_BATCH_ROWS sets the server's batch size); `npm run bench` runs the create figure after
 * the list and search queries (`--import-rows N`, 0 to skip).
 */
import type { ImportJob } from '@crm/contracts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chineseName, industries, pick, prng, regions, sources } from '../server/src/modules/demo/names.js';
import { createDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { foldFieldDeltas } from '../server/src/modules/analytics/analytics.field-counts.js';
import { login } from './http.js';
import { stats, type Stats } from './measure.js';
import { generateCustomer, type DatasetShape } from './dataset.js';
import { benchDir, parseOptions, type BenchEngine } from './options.js';
import { machine } from './report.js';
import { prepareData, type PreparedData } from './seed.js';
import { startServer, type ServerHandle } from './server.js';
import { benchAdmin, createOrganisation } from './setup.js';

export const importTargets = { rowsPerSecond: 5000, listP95Ms: 100, serverPeakMb: 400 };
/** PostgreSQL's target for the update figure (issue 9): 3,000 rows/s; SQLite's is 5,000. */
export const updateTargets = { sqlite: 5000, postgres: 3000 };

export type ImportScenario = 'create' | 'update';

export interface ImportFigures {
  engine: BenchEngine;
  scenario?: ImportScenario;
  /** Live customers in the database before the import (0: a fresh one). */
  customersBefore?: number;
  rows: number;
  /** Rows written as a duplicate of an earlier row (other formatting of its phone number). */
  duplicatesInFile: number;
  fileMb: number;
  uploadSeconds: number;
  /** From the job's start to its end, as the server recorded them. */
  importSeconds: number;
  rowsPerSecond: number;
  created: number;
  updated?: number;
  skipped: number;
  rejected: number;
  /** Pause between list requests (0: back to back). */
  listIntervalMs: number;
  /** GET /customers (first page, with its total) timed while the import ran. */
  list: Stats;
  peakServerMb: number;
  /** The largest resident set polled (every 250 ms) while the import ran. */
  rssDuringImportMb?: number;
  ok: { rowsPerSecond: boolean; listP95: boolean; memory?: boolean };
}

const cities = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '重庆', '天津', '长沙', '青岛', '厦门', '宁波'];
const cores = '华信恒通瑞丰鼎盛宏远金桥天成海纳博创中科星辰蓝海远航嘉禾新锐东方锦程同创盛世云峰卓越智联安达汇丰永泰'.match(/../g) ?? [];
const marks = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张');
const trades = ['科技', '贸易', '电子', '机械', '医药', '食品', '物流', '建材', '软件', '化工', '纺织', '环保', '文化传媒'];
const prefixes = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '187', '188', '189'];

/** A mobile number unique to row i (a permutation of the row number, so numbers look random). */
function mobileOf(i: number): string {
  return `${prefixes[i % prefixes.length]}${String((i * 7919 + 12345) % 1e8).padStart(8, '0')}`;
}

/** A company name unique to row i once legal suffixes are ignored. */
function companyOf(rand: () => number, i: number): string {
  let tag = '';
  for (let n = i; n > 0; n = Math.floor(n / marks.length)) tag += marks[n % marks.length];
  return `${pick(rand, cities)}${pick(rand, cores)}${tag}${pick(rand, trades)}${pick(rand, ['有限公司', '股份有限公司', '集团有限公司'])}`;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV: every 20th row repeats an earlier row's phone number (with +86 and spaces). */
export function generateCsv(rows: number, seed: number, ownerEmails: string[]): { csv: Buffer; duplicates: number } {
  const rand = prng(seed);
  const lines = ['客户名称,类型,手机,邮箱,省份,城市,区县,行业,来源,标签,负责人'];
  let duplicates = 0;
  for (let i = 1; i <= rows; i++) {
    const organization = rand() < 0.7;
    let mobile = mobileOf(i);
    if (i % 20 === 0 && i > 20) {
      const earlier = mobileOf(1 + Math.floor(rand() * (i - 1)));
      mobile = `+86 ${earlier.slice(0, 3)} ${earlier.slice(3, 7)} ${earlier.slice(7)}`;
      duplicates += 1;
    }
    const [province, city, district] = pick(rand, regions);
    const name = organization ? companyOf(rand, i) : chineseName(rand);
    const email = rand() < 0.3 ? `c${i}@example.com` : '';
    const tags = rand() < 0.2 ? pick(rand, ['重点', 'VIP', '老客户', '展会,重点']) : '';
    const owner = rand() < 0.8 ? pick(rand, ownerEmails) : '';
    lines.push([name, organization ? '企业客户' : '个人客户', mobile, email, province, city, district, pick(rand, industries), pick(rand, sources), tags, owner].map(csvField).join(','));
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), duplicates };
}

async function fetchJson<T>(url: string, init: RequestInit & { cookie: string }): Promise<T> {
  const res = await fetch(url, { ...init, headers: { cookie: init.cookie, accept: 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function sessionCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchAdmin) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('crm_session='));
  if (!cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

/** A fresh database holding only the organisation (50 sales users), and how to remove it. */
async function freshDatabase(engine: BenchEngine): Promise<{ env: { CRM_DATA_DIR: string } | { DATABASE_URL: string }; remove: () => Promise<void> }> {
  const stamp = Date.now();
  if (engine === 'sqlite') {
    const dataDir = path.join(benchDir, '.data', `import-${stamp}`);
    const database = createDatabase({ engine: 'sqlite', databaseUrl: null, dataDir });
    await createOrganisation(database);
    await database.close();
    return { env: { CRM_DATA_DIR: dataDir }, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const baseUrl = process.env.DATABASE_URL?.trim() || process.env.CRM_TEST_DATABASE_URL?.trim();
  if (!baseUrl) throw new Error('--engine postgres needs DATABASE_URL or CRM_TEST_DATABASE_URL');
  const name = `crm_bench_import_${stamp}`;
  const onServer = async (statement: string) => {
    const u = new URL(baseUrl);
    u.pathname = '/postgres';
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`create database ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const database = createDatabase({ engine: 'postgres', databaseUrl, dataDir: path.join(benchDir, '.data') });
  await createOrganisation(database);
  await database.close();
  return { env: { DATABASE_URL: databaseUrl }, remove: () => onServer(`drop database if exists ${name} with (force)`) };
}

interface Measured {
  done: ImportJob;
  uploadSeconds: number;
  importSeconds: number;
  list: Stats;
  peakServerMb: number;
  rssDuringImportMb: number;
}

/** Upload and start one import through the API, time the list until it ends, and sample the server's memory. */
async function measureImport(server: ServerHandle, csv: Buffer, run: { mapping: Record<string, string | null> | null; duplicateMode: string }, options: { rows: number; listIntervalMs: number }): Promise<Measured> {
  const base = `${server.baseUrl}/api/v1`;
  const cookie = await sessionCookie(server.baseUrl);
  const uploadStarted = performance.now();
  const job = await fetchJson<ImportJob>(`${base}/imports?entity=customers&fileName=bench.csv`, { method: 'POST', body: new Uint8Array(csv), headers: { 'content-type': 'application/octet-stream' }, cookie });
  const uploadSeconds = (performance.now() - uploadStarted) / 1000;
  await fetchJson<ImportJob>(`${base}/imports/${job.id}/start`, {
    method: 'POST', cookie, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mapping: run.mapping ?? job.suggestedMapping, duplicateMode: run.duplicateMode }),
  });

  // While it runs: the list, one request after the other, and the progress now and then.
  const client = await login(server.baseUrl);
  const samples: number[] = [];
  // VmHWM: the server's peak resident set since it started (the worker thread included), polled as the import runs.
  let peakServerMb = server.memory().peakMb;
  let rssDuringImportMb = 0;
  let ended = false;
  let lastReport = 0;
  const watcher = (async () => {
    for (;;) {
      const state = await fetchJson<ImportJob>(`${base}/imports/${job.id}`, { cookie });
      const memory = server.memory();
      peakServerMb = Math.max(peakServerMb, memory.peakMb);
      rssDuringImportMb = Math.max(rssDuringImportMb, memory.rssMb);
      if (state.processed - lastReport >= options.rows / 10) {
        lastReport = state.processed;
        process.stderr.write(`  ${state.processed.toLocaleString('en')} rows after ${((performance.now() - uploadStarted) / 1000).toFixed(0)} s\n`);
      }
      if (!['queued', 'running'].includes(state.status)) return state;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })().finally(() => (ended = true));
  while (!ended) {
    const started = performance.now();
    await client.fetchText('/customers');
    const took = performance.now() - started;
    samples.push(took);
    // Users at work: one list request every `listIntervalMs` (0: one after the other, flat out).
    if (options.listIntervalMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.listIntervalMs - took)));
  }
  const done = await watcher;
  client.close();
  if (done.status !== 'finished') throw new Error(`the import ended ${done.status}: ${done.error ?? ''}\n${server.output()}`);
  if (done.rejected > 0) {
    // Say why, so that a data set drifting from the server's rules shows at once.
    const res = await fetch(`${base}/imports/${job.id}/report?format=csv&only=rejected`, { headers: { cookie } });
    const lines = (await res.text()).split('\n').slice(1, 4);
    process.stderr.write(`  rejected rows, for example:\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
  }
  const importSeconds = (Date.parse(done.finishedAt ?? '') - Date.parse(done.startedAt ?? '')) / 1000;
  return { done, uploadSeconds, importSeconds, list: stats(samples), peakServerMb, rssDuringImportMb };
}

export async function benchImport(options: { engine: BenchEngine; rows: number; seed: number; listIntervalMs: number }): Promise<ImportFigures> {
  process.stderr.write(`Import: ${options.rows.toLocaleString('en')} rows into a fresh ${options.engine} database\n`);
  const data = await freshDatabase(options.engine);
  let server: ServerHandle | null = null;
  try {
    server = await startServer(data.env);
    const owners = Array.from({ length: 50 }, (_, k) => `sales${String(k + 1).padStart(2, '0')}@bench.example.com`);
    const { csv, duplicates } = generateCsv(options.rows, options.seed, owners);
    const m = await measureImport(server, csv, { mapping: null, duplicateMode: 'skip' }, options);
    const rowsPerSecond = options.rows / m.importSeconds;
    return {
      engine: options.engine, scenario: 'create', customersBefore: 0, rows: options.rows, duplicatesInFile: duplicates, fileMb: csv.length / 1024 / 1024,
      uploadSeconds: m.uploadSeconds, importSeconds: m.importSeconds, rowsPerSecond, created: m.done.created, updated: m.done.updated, skipped: m.done.skipped,
      rejected: m.done.rejected, list: m.list, listIntervalMs: options.listIntervalMs, peakServerMb: m.peakServerMb, rssDuringImportMb: m.rssDuringImportMb,
      ok: { rowsPerSecond: rowsPerSecond >= importTargets.rowsPerSecond, listP95: m.list.p95 < importTargets.listP95Ms, memory: m.peakServerMb < importTargets.serverPeakMb },
    };
  } finally {
    await server?.stop();
    await data.remove();
  }
}

/**
 * The update CSV: `rows` distinct live seeded customers (a permutation of the ids), each with its
 * stored name, kind, mobile, landline and email (the duplicate keys), a new industry and notes,
 * and a primary contact (联系人, 联系人手机) of its own.
 */
export function generateUpdateCsv(shape: DatasetShape, customers: number, rows: number): Buffer {
  const lines = ['客户名称,类型,手机,电话,邮箱,行业,备注,联系人,联系人手机'];
  const rand = prng(shape.seed + 1);
  // 7919 is prime and divides no seeded count, so i -> 1 + (k * 7919 mod N) visits every customer once.
  for (let k = 0, written = 0; written < rows && k < customers; k++) {
    const i = 1 + ((k * 7919) % customers);
    const { row } = generateCustomer(shape, i);
    if (row.deleted_at !== null) continue;
    written += 1;
    // Numbers as the server stored them: one it cannot read (a made-up area code) has no key and is left out.
    const cells = [
      row.name, row.kind === 'organization' ? '企业客户' : '个人客户', row.mobile_e164 ? (row.mobile ?? '') : '', row.phone_e164 ? (row.phone ?? '') : '', row.email ?? '',
      pick(rand, industries), `批量更新 ${written}`, chineseName(rand), mobileOf(customers + written),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

const updateMapping = { '0': 'name', '1': 'kind', '2': 'mobile', '3': 'phone', '4': 'email', '5': 'industry', '6': 'notes', '7': 'contact.name', '8': 'contact.mobile' };

/** A copy of the seeded database for the import to change (the seeded one stays as the cache), and how to remove it. */
async function copyOfSeeded(data: PreparedData, engine: BenchEngine): Promise<{ env: { CRM_DATA_DIR: string } | { DATABASE_URL: string }; remove: () => Promise<void> }> {
  const stamp = Date.now();
  if (engine === 'sqlite') {
    const dataDir = path.join(benchDir, '.data', `import-update-${stamp}`);
    fs.mkdirSync(dataDir, { recursive: true });
    for (const f of fs.readdirSync(data.location)) if (f.startsWith('crm.sqlite')) fs.copyFileSync(path.join(data.location, f), path.join(dataDir, f));
    return { env: { CRM_DATA_DIR: dataDir }, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const source = 'DATABASE_URL' in data.env ? data.env.DATABASE_URL : '';
  const name = `crm_bench_update_${stamp}`;
  const onServer = async (statement: string) => {
    const u = new URL(source);
    u.pathname = '/postgres';
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`create database ${name} template ${data.location}`);
  const u = new URL(source);
  u.pathname = `/${name}`;
  return { env: { DATABASE_URL: u.toString() }, remove: () => onServer(`drop database if exists ${name} with (force)`) };
}

/**
 * The seeded database as a server that has been running finds it: the composition counts' deltas
 * of the seeding (seven per customer) folded, as the server's minute job keeps them, and the daily
 * analytics run done for today (its lease taken until tomorrow). Otherwise the server spends the
 * import folding 7,000,000 deltas on its own thread and recomputing a million customers' analytics
 * on another, both on the machine's two cores, and the figure is theirs as much as the import's.
 * The import's own deltas are folded every minute meanwhile, as in production.
 */
async function settle(seeded: ReturnType<PreparedData['open']>): Promise<void> {
  const began = performance.now();
  const folded = await foldFieldDeltas(seeded.db, seeded.engine);
  if (folded > 0) process.stderr.write(`  folded the seeding's ${folded.toLocaleString('en')} field-count deltas in ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString();
  await seeded.db
    .insertInto('leases')
    .values({ name: 'customer-analytics', holder: 'bench', expires_at: tomorrow })
    .onConflict((oc) => oc.column('name').doUpdateSet({ holder: 'bench', expires_at: tomorrow }))
    .execute();
}

/** The update figure: `rows` rows matching seeded customers, duplicate mode update, into a copy of a database of `customers`. */
export async function benchUpdateImport(options: { engine: BenchEngine; rows: number; customers: number; seed: number; listIntervalMs: number; reuse: string | null }): Promise<ImportFigures> {
  const data = await prepareData({ ...parseOptions([]), engine: options.engine, customers: options.customers, seed: options.seed, reuse: options.reuse, keep: true });
  // Migrations that landed after the seeding run now, on the cache, so that the server's peak
  // memory (VmHWM) is the import's and not a migration's over every seeded row.
  const seeded = data.open();
  const applied = await migrate(seeded);
  if (applied.length > 0) process.stderr.write(`  migrated the seeded database: ${applied.join(', ')}\n`);
  await settle(seeded);
  await seeded.close();
  const shape: DatasetShape = { seed: options.seed, ownerIds: data.organisation.ownerIds, adminId: data.organisation.adminId, nowMs: Date.now() };
  const csv = generateUpdateCsv(shape, options.customers, options.rows);
  process.stderr.write(`Import: ${options.rows.toLocaleString('en')} rows updating customers of a ${options.engine} database of ${options.customers.toLocaleString('en')}\n`);
  const copy = await copyOfSeeded(data, options.engine);
  let server: ServerHandle | null = null;
  try {
    server = await startServer(copy.env);
    const m = await measureImport(server, csv, { mapping: updateMapping, duplicateMode: 'update' }, options);
    const rowsPerSecond = options.rows / m.importSeconds;
    return {
      engine: options.engine, scenario: 'update', customersBefore: options.customers, rows: options.rows, duplicatesInFile: 0, fileMb: csv.length / 1024 / 1024,
      uploadSeconds: m.uploadSeconds, importSeconds: m.importSeconds, rowsPerSecond, created: m.done.created, updated: m.done.updated, skipped: m.done.skipped,
      rejected: m.done.rejected, list: m.list, listIntervalMs: options.listIntervalMs, peakServerMb: m.peakServerMb, rssDuringImportMb: m.rssDuringImportMb,
      ok: { rowsPerSecond: rowsPerSecond >= updateTargets[options.engine], listP95: m.list.p95 < importTargets.listP95Ms, memory: m.peakServerMb < importTargets.serverPeakMb },
    };
  } finally {
    await server?.stop();
    await copy.remove();
    await data.cleanup();
  }
}

export function formatImport(f: ImportFigures): string {
  const yes = (ok: boolean) => (ok ? 'yes' : 'no');
  const update = f.scenario === 'update';
  const target = update ? updateTargets[f.engine] : importTargets.rowsPerSecond;
  return [
    update
      ? `Import — ${f.engine}: ${f.rows.toLocaleString('en')} rows (${f.fileMb.toFixed(1)} MB CSV with contact columns) updating customers of ${(f.customersBefore ?? 0).toLocaleString('en')}, duplicate mode update`
      : `Import — ${f.engine}: ${f.rows.toLocaleString('en')} rows (${f.fileMb.toFixed(1)} MB CSV, ${f.duplicatesInFile.toLocaleString('en')} duplicates in the file), duplicate mode skip`,
    `  upload and read: ${f.uploadSeconds.toFixed(1)} s; import: ${f.importSeconds.toFixed(1)} s = ${Math.round(f.rowsPerSecond).toLocaleString('en')} rows/s (target ≥${target.toLocaleString('en')}: ${yes(f.ok.rowsPerSecond)})`,
    `  created ${f.created.toLocaleString('en')}, updated ${(f.updated ?? 0).toLocaleString('en')}, skipped ${f.skipped.toLocaleString('en')}, rejected ${f.rejected.toLocaleString('en')}`,
    `  GET /customers while importing (${f.listIntervalMs > 0 ? `one every ${f.listIntervalMs} ms` : 'one after the other'}): ${f.list.runs} requests, p50 ${f.list.p50.toFixed(1)} ms, p95 ${f.list.p95.toFixed(1)} ms, max ${f.list.max.toFixed(1)} ms (target p95 <${importTargets.listP95Ms} ms: ${yes(f.ok.listP95)})`,
    `  server peak memory (VmHWM): ${f.peakServerMb.toFixed(0)} MB (target <${importTargets.serverPeakMb} MB: ${yes(f.ok.memory ?? f.peakServerMb < importTargets.serverPeakMb)})${f.rssDuringImportMb ? `; largest RSS polled during the import ${f.rssDuringImportMb.toFixed(0)} MB` : ''}`,
  ].join('\n');
}

/** An update figure alone goes to bench/results/import-update-<engine>-<customers>-<time>.json. */
function writeImportResult(f: ImportFigures): string {
  const file = path.join(benchDir, 'results', `import-${f.scenario ?? 'create'}-${f.engine}-${f.customersBefore ?? 0}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ timestamp: new Date().toISOString(), ...machine(), loadAverage: os.loadavg(), import: f }, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const engine = (arg('--engine') ?? 'sqlite') as BenchEngine;
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres');
  const scenario = (arg('--scenario') ?? 'create') as ImportScenario;
  if (scenario !== 'create' && scenario !== 'update') throw new Error('--scenario must be create or update');
  const common = { engine, rows: Number(arg('--rows') ?? 100_000), seed: Number(arg('--seed') ?? 20261122), listIntervalMs: Number(arg('--list-interval-ms') ?? 100) };
  const figures =
    scenario === 'update'
      ? await benchUpdateImport({ ...common, customers: Number(arg('--customers') ?? 1_000_000), reuse: arg('--reuse') ?? null })
      : await benchImport(common);
  console.log(formatImport(figures));
  console.log(`Written to ${writeImportResult(figures)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

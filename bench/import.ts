/**
 * The import figure: a generated CSV of realistic customers (Chinese company and person names,
 * mobile numbers, about 5% duplicates of earlier rows written differently) imported through the
 * API with duplicate checking (mode skip) into a fresh database, while another client times the
 * first page of the customer list.
 *
 * Alone: `npx tsx bench/import.ts [--rows N] [--engine sqlite|postgres]` (CRM_IMPORT_BATCH_ROWS sets the server's batch size); `npm run bench`
 * runs it after the list and search queries (`--import-rows N`, 0 to skip).
 */
import type { ImportJob } from '@crm/contracts';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chineseName, industries, pick, prng, regions, sources } from '../server/src/modules/demo/names.js';
import { createDatabase } from '../server/src/platform/db/database.js';
import { login } from './http.js';
import { stats, type Stats } from './measure.js';
import { benchDir, type BenchEngine } from './options.js';
import { startServer, type ServerHandle } from './server.js';
import { benchAdmin, createOrganisation } from './setup.js';

export const importTargets = { rowsPerSecond: 5000, listP95Ms: 100 };

export interface ImportFigures {
  engine: BenchEngine;
  rows: number;
  /** Rows written as a duplicate of an earlier row (other formatting of its phone number). */
  duplicatesInFile: number;
  fileMb: number;
  uploadSeconds: number;
  /** From the job's start to its end, as the server recorded them. */
  importSeconds: number;
  rowsPerSecond: number;
  created: number;
  skipped: number;
  rejected: number;
  /** Pause between list requests (0: back to back). */
  listIntervalMs: number;
  /** GET /customers (first page, with its total) timed while the import ran. */
  list: Stats;
  peakServerMb: number;
  ok: { rowsPerSecond: boolean; listP95: boolean };
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

export async function benchImport(options: { engine: BenchEngine; rows: number; seed: number; listIntervalMs: number }): Promise<ImportFigures> {
  process.stderr.write(`Import: ${options.rows.toLocaleString('en')} rows into a fresh ${options.engine} database\n`);
  const data = await freshDatabase(options.engine);
  let server: ServerHandle | null = null;
  try {
    server = await startServer(data.env);
    const live = server;
    const base = `${server.baseUrl}/api/v1`;
    const cookie = await sessionCookie(server.baseUrl);
    const owners = Array.from({ length: 50 }, (_, k) => `sales${String(k + 1).padStart(2, '0')}@bench.example.com`);
    const { csv, duplicates } = generateCsv(options.rows, options.seed, owners);

    const uploadStarted = performance.now();
    const job = await fetchJson<ImportJob>(`${base}/imports?entity=customers&fileName=bench.csv`, { method: 'POST', body: new Uint8Array(csv), headers: { 'content-type': 'application/octet-stream' }, cookie });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    await fetchJson<ImportJob>(`${base}/imports/${job.id}/start`, {
      method: 'POST', cookie, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mapping: job.suggestedMapping, duplicateMode: 'skip' }),
    });

    // While it runs: the list, one request after the other, and the progress now and then.
    const client = await login(server.baseUrl);
    const samples: number[] = [];
    let peakServerMb = live.memory().peakMb;
    let ended = false;
    let lastReport = 0;
    const watcher = (async () => {
      for (;;) {
        const state = await fetchJson<ImportJob>(`${base}/imports/${job.id}`, { cookie });
        peakServerMb = Math.max(peakServerMb, live.memory().peakMb);
        if (state.processed - lastReport >= options.rows / 10) {
          lastReport = state.processed;
          process.stderr.write(`  ${state.processed.toLocaleString('en')} rows\n`);
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
    if (done.status !== 'finished') throw new Error(`the import ended ${done.status}: ${done.error ?? ''}`);
    const importSeconds = (Date.parse(done.finishedAt ?? '') - Date.parse(done.startedAt ?? '')) / 1000;
    const list = stats(samples);
    const rowsPerSecond = options.rows / importSeconds;
    return {
      engine: options.engine, rows: options.rows, duplicatesInFile: duplicates, fileMb: csv.length / 1024 / 1024, uploadSeconds, importSeconds, rowsPerSecond,
      created: done.created, skipped: done.skipped, rejected: done.rejected, list, listIntervalMs: options.listIntervalMs, peakServerMb,
      ok: { rowsPerSecond: rowsPerSecond >= importTargets.rowsPerSecond, listP95: list.p95 < importTargets.listP95Ms },
    };
  } finally {
    await server?.stop();
    await data.remove();
  }
}

export function formatImport(f: ImportFigures): string {
  const yes = (ok: boolean) => (ok ? 'yes' : 'no');
  return [
    `Import — ${f.engine}: ${f.rows.toLocaleString('en')} rows (${f.fileMb.toFixed(1)} MB CSV, ${f.duplicatesInFile.toLocaleString('en')} duplicates in the file), duplicate mode skip`,
    `  upload and read: ${f.uploadSeconds.toFixed(1)} s; import: ${f.importSeconds.toFixed(1)} s = ${Math.round(f.rowsPerSecond).toLocaleString('en')} rows/s (target ≥${importTargets.rowsPerSecond.toLocaleString('en')}: ${yes(f.ok.rowsPerSecond)})`,
    `  created ${f.created.toLocaleString('en')}, skipped ${f.skipped.toLocaleString('en')}, rejected ${f.rejected.toLocaleString('en')}`,
    `  GET /customers while importing (${f.listIntervalMs > 0 ? `one every ${f.listIntervalMs} ms` : 'one after the other'}): ${f.list.runs} requests, p50 ${f.list.p50.toFixed(1)} ms, p95 ${f.list.p95.toFixed(1)} ms, max ${f.list.max.toFixed(1)} ms (target p95 <${importTargets.listP95Ms} ms: ${yes(f.ok.listP95)})`,
    `  server peak memory (VmHWM): ${f.peakServerMb.toFixed(0)} MB`,
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const engine = (arg('--engine') ?? 'sqlite') as BenchEngine;
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be sqlite or postgres');
  const figures = await benchImport({ engine, rows: Number(arg('--rows') ?? 100_000), seed: Number(arg('--seed') ?? 20261122), listIntervalMs: Number(arg('--list-interval-ms') ?? 100) });
  console.log(formatImport(figures));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

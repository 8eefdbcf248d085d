import type { ImportJob } from '@crm/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { freshDatabase, testEngine } from '../../test/harness.js';
import { readTable } from '../../test/imports.js';

/**
 * The real server in its own process, killed with SIGKILL in the middle of an import and started
 * again on the same data: the job must finish with every row imported exactly once.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const admin = { email: 'admin@example.com', password: 'restart-admin-password' };
const rows = 20_000;

let dataDir = '';
let databaseUrl: string | null = null;
let drop: (() => Promise<void>) | null = null;
let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'CRM_DEMO']) delete env[key];
  Object.assign(env, {
    PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CRM_DATA_DIR: dataDir, CRM_WEB_DIST: path.join(dataDir, 'no-web'),
    CRM_ADMIN_EMAIL: admin.email, CRM_ADMIN_PASSWORD: admin.password, CRM_IMPORT_LEASE_SECONDS: '2',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server = child;
  return { child, base };
}

async function login(base: string): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('crm_session=')) ?? '';
  return (p, init = {}) => fetch(`${base}${p}`, { ...init, headers: { cookie, 'accept-language': 'zh-CN', ...(init.headers ?? {}) } });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function openDatabase(): Database {
  return createDatabase({ engine: testEngine, databaseUrl, dataDir }, { poolSize: 2 });
}

beforeAll(async () => {
  if (testEngine === 'postgres') {
    // A fresh database for the server processes (this process never queries it through this handle).
    const fresh = await freshDatabase();
    dataDir = fresh.dataDir;
    databaseUrl = fresh.databaseUrl;
    drop = fresh.drop;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-restart-'));
    drop = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  if (server) await kill(server);
  await drop?.();
});

describe('an import survives the server being killed', () => {
  it('SIGKILL between 10% and 90%, restart on the same data: every row exactly once', async () => {
    const lines = ['客户名称,手机,城市'];
    for (let i = 1; i <= rows; i++) {
      // Every 1,000th row has a bad phone number and is rejected.
      const mobile = i % 1000 === 0 ? 'bad-phone' : `139${String(i).padStart(8, '0')}`;
      lines.push(`重启测试客户${i}有限公司,${mobile},杭州市`);
    }
    const csv = Buffer.from(lines.join('\n'), 'utf8');

    let { child, base } = await startServer();
    let api = await login(base);
    const uploaded = (await (await api('/imports?entity=customers&fileName=restart.csv', { method: 'POST', body: csv, headers: { 'content-type': 'application/octet-stream' } })).json()) as ImportJob & { suggestedMapping: Record<string, string | null> };
    expect(uploaded.totalRows).toBe(rows);
    const started = await api(`/imports/${uploaded.id}/start`, { method: 'POST', body: JSON.stringify({ mapping: uploaded.suggestedMapping, duplicateMode: 'skip' }), headers: { 'content-type': 'application/json' } });
    expect(started.status).toBe(200);

    let killedAt = -1;
    const deadline = Date.now() + 120_000;
    while (killedAt < 0) {
      const job = (await (await api(`/imports/${uploaded.id}`)).json()) as ImportJob;
      if (job.processed >= rows * 0.1 && job.processed <= rows * 0.9) {
        await kill(child);
        killedAt = job.processed;
      } else if (job.processed > rows * 0.9 || Date.now() > deadline) {
        throw new Error(`missed the window: ${job.status} ${job.processed}/${rows}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    ({ child, base } = await startServer());
    api = await login(base);
    let job: ImportJob;
    for (const end = Date.now() + 150_000; ; ) {
      job = (await (await api(`/imports/${uploaded.id}`)).json()) as ImportJob;
      if (job.status !== 'running' && job.status !== 'queued') break;
      if (Date.now() > end) throw new Error(`not finished: ${job.status} ${job.processed}/${rows}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(job).toMatchObject({ status: 'finished', processed: rows, created: rows - 20, rejected: 20, skipped: 0, updated: 0 });
    expect(killedAt).toBeGreaterThan(0);

    const report = await readTable(Buffer.from(await (await api(`/imports/${uploaded.id}/report`)).arrayBuffer()));
    const numbers = report.slice(1).map((r) => Number(r[0]));
    expect(numbers).toHaveLength(rows);
    expect(new Set(numbers).size).toBe(rows);
    await kill(child);
    server = null;

    const database = openDatabase();
    try {
      const db = database.db;
      const counted = await db
        .selectFrom('customers')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('name').distinct().as('names')])
        .where('name', 'like', '重启测试客户%')
        .executeTakeFirstOrThrow();
      expect(Number(counted.n)).toBe(rows - 20);
      expect(Number(counted.names)).toBe(rows - 20);
      const results = await db
        .selectFrom('import_results')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('row_no').distinct().as('distinct'), eb.fn.max('row_no').as('max')])
        .where('job_id', '=', uploaded.id)
        .executeTakeFirstOrThrow();
      expect({ n: Number(results.n), distinct: Number(results.distinct), max: Number(results.max) }).toEqual({ n: rows, distinct: rows, max: rows });
      const keys = await sql<{ n: number }>`select count(*) as n from (select customer_id, key from dedupe_keys group by customer_id, key having count(*) > 1) d`.execute(db);
      expect(Number(keys.rows[0]?.n)).toBe(0);
      const phoneKeys = await db.selectFrom('dedupe_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('key', 'like', 'p:+86139%').executeTakeFirstOrThrow();
      expect(Number(phoneKeys.n)).toBe(rows - 20);
      const live = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      const counter = await db.selectFrom('counters').select('value').where('name', '=', 'live_customers').executeTakeFirst();
      if (counter) expect(counter.value).toBe(Number(live.n));
      const archive = await db.selectFrom('customers').select((eb) => eb.fn.count<number>('archive_no').distinct().as('n')).executeTakeFirstOrThrow();
      expect(Number(archive.n)).toBe(Number(live.n));
    } finally {
      await database.close();
    }
  }, 400_000);
});

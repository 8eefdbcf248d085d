import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { bootstrap } from '../../bootstrap.js';
import { buildCustomer } from '../../test/fixtures.js';
import { adminEmail, adminPassword, Agent, createTestApp, freshDatabase, testEngine } from '../../test/harness.js';
import { fixture, waitForJob } from '../../test/imports.js';
import { startS3, type TestS3 } from '../../test/s3.js';
import { loadConfig } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createStorage, type FileStorage } from './index.js';

let s3: TestS3;
let folder = '';
beforeAll(async () => {
  s3 = await startS3();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-storage-'));
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function bytesOf(storage: FileStorage, key: string): Promise<Buffer | null> {
  const file = await storage.get(key);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(file.size).toBe(bytes.length);
  return bytes;
}

/** `size` random bytes, sent in 64 KiB chunks. */
function bigStream(size: number): { stream: Readable; sha256: string } {
  const hash = crypto.createHash('sha256');
  const chunks: Buffer[] = [];
  for (let at = 0; at < size; at += 64 * 1024) {
    const chunk = crypto.randomBytes(Math.min(64 * 1024, size - at));
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { stream: Readable.from(chunks), sha256: hash.digest('hex') };
}

const kinds: Array<{ name: string; open: () => Promise<FileStorage> }> = [
  { name: 'the data folder', open: () => createStorage(loadConfig({ CRM_DATA_DIR: folder })) },
  { name: 'S3 (s3rver on loopback)', open: () => createStorage(loadConfig({ CRM_DATA_DIR: folder, ...s3.env })) },
];

describe.each(kinds)('storage: $name', ({ open }) => {
  let storage: FileStorage;
  beforeAll(async () => {
    storage = await open();
  });

  it('puts a file, gets it back with its size, says it exists, deletes it', async () => {
    const key = `attachments/2026/11/${crypto.randomBytes(16).toString('hex')}`;
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    const bytes = Buffer.from('名称,电话\n杭州云帆科技有限公司,13800000000\n', 'utf8');
    await storage.put(key, bytes);
    expect(await storage.exists(key)).toBe(true);
    expect(await bytesOf(storage, key)).toEqual(bytes);
    await storage.put(key, Buffer.from('replaced'));
    expect((await bytesOf(storage, key))?.toString()).toBe('replaced');
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // nothing to delete is no error
  });

  it('stores a stream larger than one upload part (S3: a multipart upload) and streams it back', async () => {
    const key = `imports/${crypto.randomBytes(8).toString('hex')}.csv`;
    const { stream, sha256 } = bigStream(19 * 1024 * 1024 + 123);
    await storage.put(key, stream);
    const file = await storage.get(key);
    if (!file) throw new Error('stored file missing');
    expect(file.size).toBe(19 * 1024 * 1024 + 123);
    const hash = crypto.createHash('sha256');
    for await (const chunk of file.stream) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(sha256);
    await storage.delete(key);
  });

  it('a stream that fails midway leaves nothing under the key', async () => {
    const key = `imports/${crypto.randomBytes(8).toString('hex')}.csv`;
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(9 * 1024 * 1024, 1);
      yield Buffer.alloc(9 * 1024 * 1024, 2);
      throw new Error('connection lost');
    }
    await expect(storage.put(key, Readable.from(broken()))).rejects.toThrow('connection lost');
    expect(await storage.exists(key)).toBe(false);
  });

  it('an empty file is a file', async () => {
    const key = `imports/${crypto.randomBytes(8).toString('hex')}.csv`;
    await storage.put(key, Readable.from([]));
    expect(await bytesOf(storage, key)).toEqual(Buffer.alloc(0));
    await storage.delete(key);
  });
});

describe('storage: servers on one database share files through S3', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  const servers: Array<{ app: FastifyInstance; database: Database; dataDir: string }> = [];

  /** A server of its own (own data folder, own database connection) on the shared database and bucket. */
  async function server(): Promise<{ app: FastifyInstance; dataDir: string; login: () => Promise<Agent> }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-server-'));
    const config = {
      ...loadConfig({ CRM_DATA_DIR: dataDir, CRM_WEB_DIST: path.join(dataDir, 'no-web'), ...s3.env }),
      engine: testEngine,
      databaseUrl: fresh.databaseUrl,
    };
    const database = testEngine === 'sqlite' ? createDatabase(config, { sqliteFile: path.join(fresh.dataDir, 'crm.sqlite') }) : createDatabase(config, { poolSize: 4 });
    const { app } = await buildApp({ config, database });
    await app.ready();
    servers.push({ app, database, dataDir });
    return {
      app,
      dataDir,
      async login() {
        const agent = new Agent(app, 'zh-CN');
        const res = await agent.post('/api/v1/auth/login', { email: adminEmail, password: adminPassword });
        expect(res.status).toBe(200);
        return agent;
      },
    };
  }

  beforeAll(async () => {
    fresh = await freshDatabase();
    await migrate(fresh.database);
    const config = { ...loadConfig({ CRM_DATA_DIR: fresh.dataDir, CRM_ADMIN_EMAIL: adminEmail, CRM_ADMIN_PASSWORD: adminPassword, ...s3.env }), engine: testEngine, databaseUrl: fresh.databaseUrl };
    const { app, ctx } = await buildApp({ config, database: fresh.database });
    await bootstrap(ctx, () => undefined);
    await app.close();
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) {
      await s.app.close();
      await s.database.close();
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
    await fresh.drop();
  });

  it('an attachment uploaded through server A downloads through server B', async () => {
    const a = await server();
    const b = await server();
    const onA = await a.login();
    const onB = await b.login();
    const customer = (await onA.post('/api/v1/customers', buildCustomer())).body.id as number;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(3000), Buffer.from('\n%%EOF\n')]);
    const up = await a.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customer}/attachments?fileName=${encodeURIComponent('合同.pdf')}`,
      payload: pdf,
      headers: { 'content-type': 'application/octet-stream', cookie: onA.cookie ?? '' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const down = await b.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.json().id}/download`, headers: { cookie: onB.cookie ?? '' } });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.headers['content-length']).toBe(String(pdf.length));
    expect(down.rawPayload).toEqual(pdf);
    // Neither server kept the file in its own folder.
    expect(fs.existsSync(path.join(a.dataDir, 'attachments'))).toBe(false);
    expect(fs.existsSync(path.join(b.dataDir, 'attachments'))).toBe(false);
  });

  it('an import uploaded on server A is previewed and run on server B, after A has stopped', async () => {
    const a = await server();
    const b = await server();
    const onA = await a.login();
    const onB = await b.login();
    const uploaded = await a.app.inject({
      method: 'POST',
      url: `/api/v1/imports?entity=customers&fileName=${encodeURIComponent('客户.csv')}`,
      payload: fixture('customers-gbk.csv'),
      headers: { 'content-type': 'application/octet-stream', 'accept-language': 'zh-CN', cookie: onA.cookie ?? '' },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const job = uploaded.json();
    await a.app.close();
    const run = { mapping: job.suggestedMapping, duplicateMode: 'skip' };
    const preview = await onB.post(`/api/v1/imports/${job.id}/preview`, run);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.rows.length).toBeGreaterThan(0);
    expect((await onB.post(`/api/v1/imports/${job.id}/start`, run)).status).toBe(200);
    const done = await waitForJob(onB, job.id);
    expect(done).toMatchObject({ status: 'finished', processed: job.totalRows, error: null });
    expect(done.created).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(a.dataDir, 'imports'))).toBe(false);
    expect(fs.existsSync(path.join(b.dataDir, 'imports'))).toBe(false);
  });
});

describe('storage: a storage that cannot delete', () => {
  it('a customer erased for good is erased (204) even when its files cannot be removed from the storage now', async () => {
    const t = await createTestApp({ env: s3.env });
    try {
      const admin = await t.login();
      const customer = (await admin.post('/api/v1/customers', buildCustomer())).body.id as number;
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/v1/customers/${customer}/attachments?fileName=a.pdf`,
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
        headers: { 'content-type': 'application/octet-stream', cookie: admin.cookie ?? '' },
      });
      expect(up.statusCode, up.body).toBe(201);
      t.ctx.storage.delete = () => Promise.reject(new Error('storage unreachable'));
      expect((await admin.delete(`/api/v1/customers/${customer}`)).status).toBe(204);
      expect((await admin.delete(`/api/v1/recycle-bin/customer/${customer}`)).status).toBe(204);
      expect((await admin.get(`/api/v1/attachments/${up.json().id}/download`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * SQLite: while another connection (the import thread) holds the write lock, a write of the
 * server waits for it without blocking reads, and goes through once the lock is free.
 */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

describe('waiting for the write lock', () => {
  it('reads go on while a write waits; the write lands when the lock is released', async () => {
    await admin.get('/api/v1/customers'); // the first list creates the live-count counter (a write)
    const other = new SQLite(path.join(t.ctx.config.dataDir, 'crm.sqlite'));
    other.exec('begin immediate');
    const write = admin.post('/api/v1/customers', buildCustomer({ name: '等锁客户' }));
    let written = false;
    void write.then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written).toBe(false);
    // Reads are answered while the write still waits.
    const read = await admin.get('/api/v1/customers');
    expect(read.status).toBe(200);
    expect(written).toBe(false);
    other.exec('commit');
    other.close();
    const res = await write;
    expect(res.status).toBe(201);
    expect((await admin.get(`/api/v1/customers/${res.body.id}`)).body.name).toBe('等锁客户');
  });
});

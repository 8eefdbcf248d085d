import type { Customer, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { runImport } from '../../test/imports.js';

/**
 * The real server runs imports on a worker thread with its own connection (a SQLite connection to
 * the same file, or a small PostgreSQL pool): a job started through the API is picked up by the
 * thread, written in batches, reported and announced, and the server's lists see its rows.
 */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ importWorkerThread: true, env: { CRM_IMPORT_BATCH_ROWS: '7' } });
  admin = await t.login(undefined, undefined, 'zh-CN');
}, 60_000);
afterAll(() => t.close(), 30_000);

describe('imports on the worker thread', () => {
  it('creates, then updates through the thread in several batches, as in-process imports do', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `线程导入${String(i + 1).padStart(2, '0')}有限公司,1390000${String(i + 1).padStart(4, '0')},张${i + 1},1380000${String(i + 1).padStart(4, '0')}`);
    const csv = `客户名称,手机,联系人,联系人手机\n${rows.join('\n')}\n`;
    const created = await runImport(t, admin, 'customers', 'thread.csv', csv, { duplicateMode: 'update' });
    expect(created).toMatchObject({ status: 'finished', created: 25, updated: 0, rejected: 0, processed: 25 });

    const again = await runImport(t, admin, 'customers', 'thread-2.csv', `客户名称,手机,备注\n线程导入03有限公司,13900000003,第二次\n`, { duplicateMode: 'update' });
    expect(again).toMatchObject({ status: 'finished', created: 0, updated: 1 });
    const found = (await admin.get<ListResponse<Customer>>('/api/v1/customers?q=线程导入03')).body.items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ notes: '第二次', contactCount: 1 });
    const notices = (await admin.get<{ items: Array<{ kind: string }> }>('/api/v1/notifications')).body.items.filter((n) => n.kind === 'import_finished');
    expect(notices.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

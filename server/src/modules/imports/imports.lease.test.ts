import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { upload, waitForJob } from '../../test/imports.js';
import * as repo from './imports.repository.js';
import { kickImportWorker } from './worker.js';

/**
 * The lease length is one setting (CRM_IMPORT_LEASE_SECONDS): a server judges a job abandoned by
 * its own setting, from the job's last batch, so a job claimed by a server that had a much longer
 * lease, and died, does not wait out that lease.
 */
const clock = new TestClock();
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { CRM_IMPORT_LEASE_SECONDS: '5' } });
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

/** Upload a file and leave it claimed by a server with a 10-minute lease that then died. */
async function claimedByDeadServer(): Promise<number> {
  const csv = `客户名称,手机\n${Array.from({ length: 30 }, (_, i) => `租约测试客户${i}有限公司,1390000${String(i).padStart(4, '0')}`).join('\n')}\n`;
  const uploaded = await upload(t, admin, 'customers', 'lease.csv', csv);
  expect(uploaded.status).toBe(201);
  const id = uploaded.body.id as number;
  const now = clock.now();
  await t.ctx.db.transaction().execute(async (trx) => {
    await repo.queueJob(trx, id, { mapping: JSON.stringify(uploaded.body.suggestedMapping), valueMapping: '{}', duplicateMode: 'skip', locale: 'zh-CN', at: now.toISOString() });
    const claimed = await repo.claimJob(trx, 'dead-server', { now: now.toISOString(), staleBefore: new Date(now.getTime() - 600_000).toISOString() }, new Date(now.getTime() + 600_000).toISOString());
    expect(claimed?.id).toBe(id);
  });
  return id;
}

describe('imports: the lease length', () => {
  it('is read from the configuration', () => {
    expect(t.ctx.config.importLeaseSeconds).toBe(5);
  });

  it("a job claimed with another server's longer lease resumes here once this server's lease has passed since its last batch", async () => {
    const id = await claimedByDeadServer();
    // Within this server's 5 seconds the claim holds.
    clock.advance(4_000);
    kickImportWorker(t.ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await repo.findJob(t.ctx.db, id)).toMatchObject({ status: 'running', lease_owner: 'dead-server', processed: 0 });
    // Past them (the dead server's own lease has 9 minutes to go), this server takes the job over.
    clock.advance(2_000);
    kickImportWorker(t.ctx);
    const done = await waitForJob(admin, id);
    expect(done).toMatchObject({ status: 'finished', processed: 30, created: 30 });
  });
});

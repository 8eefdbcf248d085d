import type { EmailSettings, OutboxList } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { runEmailSender } from './index.js';

/** Two senders at once (two servers, or a run overlapping the next): every email is sent exactly once (PostgreSQL runs them in parallel). */
let t: TestApp;
let admin: Agent;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp();
  admin = await t.login();
  const { version } = (await admin.get<EmailSettings>('/api/v1/settings/email')).body;
  const saved = await admin.put('/api/v1/settings/email', { host: '127.0.0.1', port: smtp.port, security: 'none', user: '', fromAddress: 'crm@example.com', fromName: '', appUrl: '', version });
  expect(saved.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('parallel senders', () => {
  it('two senders over twelve queued emails: each email reaches the SMTP server once and is marked sent once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await admin.post('/api/v1/settings/email/test')).body.id);
    const runs = await Promise.all([runEmailSender(t.ctx, { batch: 20 }), runEmailSender(t.ctx, { batch: 20 })]);
    expect(runs[0].sent + runs[1].sent).toBe(12);
    expect(runs.every((r) => r.retrying === 0 && r.failed === 0)).toBe(true);
    expect(smtp.mails).toHaveLength(12);
    const list = (await admin.get<OutboxList>('/api/v1/settings/email/outbox?pageSize=50')).body;
    expect(list.counts).toEqual({ queued: 0, sending: 0, sent: 12, failed: 0 });
    expect(list.items.map((e) => e.attempts)).toEqual(Array(12).fill(1));
    expect(list.items.map((e) => e.id).sort((a, b) => a - b)).toEqual(ids);
  });

  it('a retry clicked twice at once queues the failed email once', async () => {
    smtp.refuseAll(550);
    const id = (await admin.post('/api/v1/settings/email/test')).body.id as number;
    await t.ctx.db.updateTable('email_outbox').set({ attempts: 4 }).where('id', '=', id).execute();
    expect((await runEmailSender(t.ctx)).failed).toBe(1);
    smtp.acceptAgain();
    const answers = await Promise.all([admin.post(`/api/v1/settings/email/outbox/${id}/retry`), admin.post(`/api/v1/settings/email/outbox/${id}/retry`)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await Promise.all([runEmailSender(t.ctx), runEmailSender(t.ctx)]);
    expect(smtp.mails).toHaveLength(13);
  });
});

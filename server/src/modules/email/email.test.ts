import type { EmailSettings, NotificationPreferences, OutboxEmail, OutboxList } from '@crm/contracts';
import { notificationKinds } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type TestApp } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { runEmailSender } from './index.js';

/**
 * Email through a real SMTP server (smtp-server on 127.0.0.1): the administrator's SMTP settings
 * (the password kept, never answered), the outbox that notifications chosen for email go through,
 * retries after a refusal, failure after the fifth attempt and the administrator's retry, and
 * emails that wait while no server is set. Both engines.
 */
const minute = 60_000;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z'));
const smtpPassword = 'smtp-secret-1';
let t: TestApp;
let org: Org;
let smtp: TestSmtp;

const outbox = async (query = '') => (await org.admin.get<OutboxList>(`/api/v1/settings/email/outbox${query}`)).body;
const settings = async () => (await org.admin.get<EmailSettings>('/api/v1/settings/email')).body;
/** Give a new customer of the administrator's to a user: a customer_assigned notification. */
const assign = async (userId: number, name: string) => {
  const created = (await org.admin.post('/api/v1/customers', buildCustomer({ name }))).body;
  const moved = await org.admin.patch(`/api/v1/customers/${created.id}`, { version: created.version, ownerId: userId });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return created.id as number;
};
const save = async (body: Record<string, unknown>) => {
  const { version } = await settings();
  return org.admin.put<EmailSettings>('/api/v1/settings/email', {
    host: '127.0.0.1', port: smtp.port, security: 'none', user: 'crm', fromAddress: 'crm@example.com', fromName: '客户管理系统', appUrl: 'https://crm.example.com/', version, ...body,
  });
};

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 180_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('email', () => {
  it('without SMTP settings a notification email waits in the outbox, and the settings say so', async () => {
    expect(await settings()).toEqual({ host: '', port: 587, security: 'starttls', user: '', passwordSet: false, fromAddress: '', fromName: '', appUrl: '', configured: false, version: 0 });
    await assign(org.ids.east1, '邮件等待客户');
    const list = await outbox();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'notification', status: 'queued', to: 'east1@example.com', userId: org.ids.east1, attempts: 0 });
    expect(list.items[0]?.subject).toContain('邮件等待客户');
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await outbox()).items[0]).toMatchObject({ status: 'queued', attempts: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('the administrator saves the SMTP settings: the password is kept but never answered; a stale version is a 409', async () => {
    const saved = await save({ password: smtpPassword });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ host: '127.0.0.1', port: smtp.port, security: 'none', user: 'crm', passwordSet: true, fromAddress: 'crm@example.com', fromName: '客户管理系统', appUrl: 'https://crm.example.com', configured: true, version: 1 });
    const again = await save({ fromName: '客户管理系统（测试）' });
    expect(again.body).toMatchObject({ passwordSet: true, version: 2 });
    const stale = await org.admin.put('/api/v1/settings/email', { host: 'smtp.example.com', port: 25, security: 'none', user: '', fromAddress: 'x@example.com', fromName: '', appUrl: '', password: 'other-secret', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual(again.body);
    const manager = await org.as.manager.get('/api/v1/settings/email');
    expect(manager.status).toBe(200);
    for (const answer of [saved, again, stale, manager, await org.admin.get('/api/v1/settings/email')]) {
      expect(JSON.stringify(answer.body)).not.toContain(smtpPassword);
      expect(JSON.stringify(answer.body)).not.toContain('other-secret');
      expect(JSON.stringify(answer.body)).not.toMatch(/"password"/);
    }
  });

  it('only settings.view reads the SMTP settings, only settings.edit changes them, tests them and sees the outbox', async () => {
    const { version } = await settings();
    const body = { host: 'evil.example.com', port: 25, security: 'none', user: '', fromAddress: 'x@example.com', fromName: '', appUrl: '', version };
    for (const who of ['east1', 'agent', 'reader', 'marketer'] as const) expect((await org.as[who].get('/api/v1/settings/email')).status, who).toBe(403);
    for (const who of ['east1', 'manager', 'reader'] as const) {
      expect((await org.as[who].put('/api/v1/settings/email', body)).status, who).toBe(403);
      expect((await org.as[who].post('/api/v1/settings/email/test')).status, who).toBe(403);
      expect((await org.as[who].get('/api/v1/settings/email/outbox')).status, who).toBe(403);
      expect((await org.as[who].post('/api/v1/settings/email/outbox/1/retry')).status, who).toBe(403);
    }
    expect((await t.anonymous().get('/api/v1/settings/email')).status).toBe(401);
    expect((await settings()).host).toBe('127.0.0.1');
  });

  it('once SMTP is set the waiting email goes out: to the user, in their language, with a link to the customer', async () => {
    const customerId = (await org.admin.get('/api/v1/customers?q=邮件等待客户')).body.items[0].id as number;
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail?.envelopeTo).toEqual(['east1@example.com']);
    expect(mail?.envelopeFrom).toBe('crm@example.com');
    expect(mail?.headers.get('from')).toContain('crm@example.com');
    expect(mail?.subject).toMatch(/ 将客户「邮件等待客户」分配给了您。$/);
    expect(mail?.text).toContain('将客户「邮件等待客户」分配给了您');
    expect(mail?.text).toContain(`在 CRM 中查看：https://crm.example.com/customers/${customerId}`);
    expect(mail?.html).toContain(`href="https://crm.example.com/customers/${customerId}"`);
    expect((await outbox()).items[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now().toISOString(), nextAttemptAt: null });
    // Sent once: a second run finds nothing due.
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it('each user chooses which notifications also arrive by email; English readers get English emails', async () => {
    const mine = (await org.as.north1.get<NotificationPreferences>('/api/v1/me/notification-preferences')).body;
    expect(mine.emailAddress).toBe('north1@example.com');
    expect(mine.preferences.map((p) => p.kind)).toEqual([...notificationKinds]);
    expect(mine.preferences.filter((p) => p.email).map((p) => p.kind).sort()).toEqual(['approval_requested', 'customer_assigned', 'lead_assigned', 'mentioned']);
    // east2 keeps customer assignments to the bell; north1 reads English.
    const off = await org.as.east2.put<NotificationPreferences>('/api/v1/me/notification-preferences', { preferences: [{ kind: 'customer_assigned', email: false }, { kind: 'big_deal', email: true }] });
    expect(off.status).toBe(200);
    expect(off.body.preferences.find((p) => p.kind === 'customer_assigned')?.email).toBe(false);
    expect(off.body.preferences.find((p) => p.kind === 'big_deal')?.email).toBe(true);
    expect(off.body.preferences.find((p) => p.kind === 'lead_assigned')?.email).toBe(true);
    // Another user's choices are their own.
    expect((await org.as.east1.get<NotificationPreferences>('/api/v1/me/notification-preferences')).body.preferences.find((p) => p.kind === 'customer_assigned')?.email).toBe(true);
    await (await t.login('north1@example.com', password, 'en')).put('/api/v1/auth/locale', { locale: 'en' });
    const before = (await outbox()).total;
    await assign(org.ids.east2, '只在铃铛里的客户');
    await assign(org.ids.north1, 'English Reader Ltd');
    expect((await org.as.east2.get('/api/v1/notifications')).body.items[0].message).toContain('只在铃铛里的客户');
    const after = await outbox();
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({ to: 'north1@example.com', status: 'queued' });
    await runEmailSender(t.ctx);
    const mail = smtp.mails.at(-1);
    expect(mail?.envelopeTo).toEqual(['north1@example.com']);
    expect(mail?.subject).toMatch(/gave you the customer English Reader Ltd\.$/);
    expect(mail?.text).toContain('Open in the CRM: https://crm.example.com/customers/');
    expect(mail?.text).toContain('Notification settings');
    expect(smtp.mails.some((m) => m.subject.includes('只在铃铛里的客户'))).toBe(false);
  });

  it('a refused attempt is tried again a minute later and then delivered', async () => {
    smtp.refuseNext(1, 451);
    await assign(org.ids.east1, '重试送达客户');
    const first = await runEmailSender(t.ctx);
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = (await outbox()).items[0] as OutboxEmail;
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + minute).toISOString() });
    expect(waiting.lastError).toContain('451');
    // Not due yet.
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(minute);
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.mails.filter((m) => m.subject.includes('重试送达客户'))).toHaveLength(1);
    expect((await outbox()).items[0]).toMatchObject({ id: waiting.id, status: 'sent', attempts: 2, lastError: null });
  });

  it('after the fifth refusal an email has failed: the administrator sees it, retries it, and it is sent', async () => {
    smtp.refuseAll(550);
    const queued = await org.admin.post<OutboxEmail>('/api/v1/settings/email/test');
    expect(queued.status).toBe(201);
    expect(queued.body).toMatchObject({ kind: 'test', status: 'queued', to: 'admin@example.com', subject: 'Test email from the CRM' });
    const waits = [1, 5, 15, 60];
    for (const [i, wait] of waits.entries()) {
      expect(await runEmailSender(t.ctx), `attempt ${i + 1}`).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = (await outbox()).items.find((e) => e.id === queued.body.id);
      expect(row?.nextAttemptAt).toBe(new Date(clock.now().getTime() + wait * minute).toISOString());
      clock.advance(wait * minute);
    }
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await outbox('?status=failed');
    expect(failed.items.map((e) => e.id)).toEqual([queued.body.id]);
    expect(failed.items[0]).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
    expect(failed.items[0]?.lastError).toContain('550');
    expect(failed.counts.failed).toBe(1);
    // Failed stays failed: later runs leave it alone.
    clock.advance(3 * 60 * minute);
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp.acceptAgain();
    const retried = await org.admin.post<OutboxEmail>(`/api/v1/settings/email/outbox/${queued.body.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = smtp.mails.at(-1);
    expect(mail?.envelopeTo).toEqual(['admin@example.com']);
    expect(mail?.subject).toBe('Test email from the CRM');
    expect(mail?.text).toContain('the SMTP settings work');
    const again = await org.admin.post(`/api/v1/settings/email/outbox/${queued.body.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.current).toMatchObject({ id: queued.body.id, status: 'sent' });
    expect((await org.admin.post('/api/v1/settings/email/outbox/999999/retry')).status).toBe(404);
    expect((await outbox('?status=failed')).total).toBe(0);
  });

  it('the SMTP password is used: a wrong one fails the attempt, the right one sends', async () => {
    await save({ password: 'wrong-password' });
    const queued = (await org.admin.post<OutboxEmail>('/api/v1/settings/email/test')).body;
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await outbox()).items.find((e) => e.id === queued.id)?.lastError).toMatch(/535|Invalid/);
    await save({ password: smtpPassword });
    clock.advance(minute);
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it('refuses bad settings and preferences field by field, changing nothing', async () => {
    const before = await settings();
    const bad = await org.admin.put('/api/v1/settings/email', { host: 'smtp example com', port: 70000, security: 'ssl', user: '', fromAddress: 'not-an-address', fromName: '', appUrl: 'crm.example.com', version: before.version });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad).sort()).toEqual(['appUrl', 'fromAddress', 'host', 'port', 'security']);
    const noSender = await org.admin.put('/api/v1/settings/email', { host: 'smtp.example.com', port: 465, security: 'tls', user: '', fromAddress: '', fromName: '', appUrl: '', version: before.version });
    expect(errorPaths(noSender)).toEqual(['fromAddress']);
    const zh = await t.login(undefined, undefined, 'zh-CN');
    expect((await zh.put('/api/v1/settings/email', { host: 'smtp.example.com', port: 465, security: 'tls', user: '', fromAddress: '', fromName: '', appUrl: '', version: before.version })).body.error.details[0].message).toContain('发件人邮箱');
    expect(await settings()).toEqual(before);
    const twice = await org.as.east1.put('/api/v1/me/notification-preferences', { preferences: [{ kind: 'mentioned', email: false }, { kind: 'mentioned', email: true }] });
    expect(twice.status).toBe(400);
    expect(errorPaths(twice)).toEqual(['preferences']);
    const unknown = await org.as.east1.put('/api/v1/me/notification-preferences', { preferences: [{ kind: 'birthday', email: true }] });
    expect(errorPaths(unknown)).toEqual(['preferences.0.kind']);
    expect((await org.as.east1.get<NotificationPreferences>('/api/v1/me/notification-preferences')).body.preferences.find((p) => p.kind === 'mentioned')?.email).toBe(true);
    expect((await org.admin.get('/api/v1/settings/email/outbox?status=lost')).status).toBe(400);
  });
});

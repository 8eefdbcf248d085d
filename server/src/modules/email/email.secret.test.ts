import type { EmailSettings, OutboxEmail, OutboxList } from '@crm/contracts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeyFile } from '../../platform/secrets.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { runEmailSender } from './index.js';

/**
 * The SMTP password at rest: encrypted with AES-256-GCM under the server's key (here the data
 * folder's secret.key, made on first use with mode 0600), never the password in the settings
 * table, and still the password the real SMTP server (smtp-server on loopback) receives at login.
 * A plain password an older version stored keeps working and is encrypted by the next save; a
 * password another key encrypted fails the attempt with the reason. Both engines.
 */
const minute = 60_000;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z'));
const smtpPassword = 'smtp-secret-1';
let t: TestApp;
let admin: Agent;
let smtp: TestSmtp;

const settings = async () => (await admin.get<EmailSettings>('/api/v1/settings/email')).body;
const save = async (body: Record<string, unknown>) => {
  const { version } = await settings();
  return admin.put<EmailSettings>('/api/v1/settings/email', {
    host: '127.0.0.1', port: smtp.port, security: 'none', user: 'crm', fromAddress: 'crm@example.com', fromName: 'CRM', appUrl: '', version, ...body,
  });
};
const storedRow = async () => (await t.ctx.db.selectFrom('settings').select(['value', 'version']).where('key', '=', 'email.smtp').executeTakeFirstOrThrow());
const storedPassword = async () => (JSON.parse((await storedRow()).value) as { password: string }).password;
const outbox = async () => (await admin.get<OutboxList>('/api/v1/settings/email/outbox')).body;

/** Queue a test email and send the outbox: what the run said and the email's last error. */
async function sendTest(ctx = t.ctx) {
  const queued = (await admin.post<OutboxEmail>('/api/v1/settings/email/test')).body;
  const run = await runEmailSender(ctx);
  clock.advance(minute);
  return { run, email: (await outbox()).items.find((e) => e.id === queued.id) };
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ clock });
  admin = await t.login();
}, 180_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the SMTP password at rest', () => {
  it('is stored encrypted, not as the password, under a key made once in the data folder (mode 0600)', async () => {
    const saved = await save({ password: smtpPassword });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.passwordSet).toBe(true);
    expect(JSON.stringify(saved.body)).not.toContain(smtpPassword);
    const row = await storedRow();
    expect(row.value).not.toContain(smtpPassword);
    const stored = await storedPassword();
    expect(stored).toMatch(/^enc:v1:[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(stored.slice(7), 'base64').toString('latin1')).not.toContain(smtpPassword);
    const keyFile = path.join(t.ctx.config.dataDir, secretKeyFile);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // The same password saved again is encrypted afresh (a new nonce): equal passwords do not show.
    await save({ password: smtpPassword });
    expect(await storedPassword()).not.toBe(stored);
  });

  it('sending authenticates against the SMTP server with the password', async () => {
    const before = smtp.mails.length;
    const { run } = await sendTest();
    expect(run).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(before + 1);
    expect(smtp.mails.at(-1)?.user).toBe('crm');
    expect(smtp.logins.at(-1)).toMatchObject({ username: 'crm', accepted: true });
  });

  it('a password left out on save stays encrypted and keeps working', async () => {
    const stored = await storedPassword();
    const saved = await save({ fromName: 'CRM 2' });
    expect(saved.body).toMatchObject({ passwordSet: true, fromName: 'CRM 2' });
    expect(await storedPassword()).toBe(stored);
    expect((await sendTest()).run).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it('a plain password an older version stored still authenticates, and the next save encrypts it', async () => {
    const row = await storedRow();
    const legacy = { ...(JSON.parse(row.value) as Record<string, unknown>), password: smtpPassword };
    await t.ctx.db.updateTable('settings').set({ value: JSON.stringify(legacy) }).where('key', '=', 'email.smtp').execute();
    expect(await settings()).toMatchObject({ passwordSet: true });
    expect((await sendTest()).run).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.logins.at(-1)).toMatchObject({ username: 'crm', accepted: true });
    // Saved without touching the password: the plain value is now encrypted, and still the password.
    const saved = await save({ fromName: 'CRM 3' });
    expect(saved.body.passwordSet).toBe(true);
    const stored = await storedPassword();
    expect(stored).toMatch(/^enc:v1:/);
    expect((await storedRow()).value).not.toContain(smtpPassword);
    expect((await sendTest()).run).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it('null removes the password: nothing is stored', async () => {
    const saved = await save({ password: null });
    expect(saved.body.passwordSet).toBe(false);
    expect(await storedPassword()).toBe('');
    await save({ password: smtpPassword });
  });

  it('a server with another key cannot decrypt it: the attempt fails with the reason, nothing is sent, the password is not guessed', async () => {
    const before = smtp.mails.length;
    const other = { ...t.ctx, config: { ...t.ctx.config, secretKey: crypto.randomBytes(32) } };
    const { run, email } = await sendTest(other);
    expect(run).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(email?.lastError).toMatch(/CRM_SECRET_KEY/);
    expect(smtp.mails).toHaveLength(before);
    // The server with the right key sends it at its next attempt.
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });
});

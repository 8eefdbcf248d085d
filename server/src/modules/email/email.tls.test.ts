import type { EmailSettings, OutboxEmail, OutboxList } from '@crm/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { runEmailSender } from './index.js';

/**
 * The sender's TLS and login against real SMTP servers on 127.0.0.1: one that requires STARTTLS
 * with a self-signed certificate made for this run (openssl, nothing downloaded), and one that
 * refuses every login. STARTTLS is used before the login and the message; an untrusted
 * certificate is never accepted; a refused login leaves the email failed and in the
 * administrator's outbox after its last attempt, never dropped.
 */
const minute = 60_000;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z'));
let t: TestApp;
let org: Org;
let tlsServer: TestSmtp;
let refusing: TestSmtp;
let cert = '';
let dir = '';

const outbox = async (query = '') => (await org.admin.get<OutboxList>(`/api/v1/settings/email/outbox${query}`)).body;
const save = async (body: Record<string, unknown>) => {
  const { version } = (await org.admin.get<EmailSettings>('/api/v1/settings/email')).body;
  const res = await org.admin.put<EmailSettings>('/api/v1/settings/email', {
    host: '127.0.0.1', security: 'starttls', user: 'crm', password: 'smtp-secret-1', fromAddress: 'crm@example.com', fromName: 'CRM', appUrl: '', version, ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const testEmail = async () => {
  const res = await org.admin.post<OutboxEmail>('/api/v1/settings/email/test');
  expect(res.status).toBe(201);
  return res.body;
};
const find = async (id: number) => (await outbox('?pageSize=100')).items.find((e) => e.id === id);

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, valid for a day.
  dir = mkdtempSync(path.join(tmpdir(), 'crm-smtp-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  tlsServer = await startSmtp({ starttls: { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert } });
  refusing = await startSmtp({ refuseAuth: true });
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 180_000);
afterAll(async () => {
  await t.close();
  await tlsServer.close();
  await refusing.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SMTP over STARTTLS', () => {
  it('upgrades with STARTTLS before logging in and sending; the server receives it over TLS', async () => {
    await save({ port: tlsServer.port, security: 'starttls' });
    const queued = await testEmail();
    expect(await runEmailSender(t.ctx, { tls: { ca: cert } })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(tlsServer.mails).toHaveLength(1);
    expect(tlsServer.mails[0]).toMatchObject({ secure: true, user: 'crm', envelopeFrom: 'crm@example.com', envelopeTo: ['admin@example.com'], subject: 'Test email from the CRM' });
    expect(tlsServer.logins).toEqual([{ username: 'crm', secure: true, accepted: true }]);
    expect(await find(queued.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('never trusts a certificate it cannot verify: the attempt fails with the reason and nothing is sent', async () => {
    const queued = await testEmail();
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await find(queued.id))?.lastError).toMatch(/self[- ]signed|certificate/i);
    expect(tlsServer.mails).toHaveLength(1);
    // Plain text to a server that requires STARTTLS: refused (530), nothing sent, no password on the wire.
    await save({ port: tlsServer.port, security: 'none' });
    clock.advance(minute);
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await find(queued.id))?.lastError).toMatch(/530|STARTTLS/);
    expect(tlsServer.logins).toHaveLength(1);
    expect(tlsServer.mails).toHaveLength(1);
    // Trusted again: the same email goes out.
    await save({ port: tlsServer.port, security: 'starttls' });
    clock.advance(5 * minute);
    expect(await runEmailSender(t.ctx, { tls: { ca: cert } })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(tlsServer.mails).toHaveLength(2);
    expect(await find(queued.id)).toMatchObject({ status: 'sent', attempts: 3 });
  });
});

describe('a server that refuses the login', () => {
  it('leaves the email failed and visible to the administrator after its last attempt, never dropped', async () => {
    await save({ port: refusing.port, security: 'none' });
    const queued = await testEmail();
    for (const wait of [1, 5, 15, 60]) {
      expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      clock.advance(wait * minute);
    }
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(refusing.logins).toHaveLength(5);
    expect(refusing.logins.every((l) => !l.accepted)).toBe(true);
    expect(refusing.mails).toEqual([]);
    const failed = await outbox('?status=failed');
    expect(failed.items.map((e) => e.id)).toEqual([queued.id]);
    expect(failed.items[0]).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null, to: 'admin@example.com' });
    expect(failed.items[0]?.lastError).toMatch(/535/);
    expect(failed.counts.failed).toBe(1);
    // Later runs leave it where the administrator can see and retry it.
    clock.advance(24 * 60 * minute);
    expect(await runEmailSender(t.ctx)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // (A day later the administrator signs in again.)
    const later = (await (await t.login()).get<OutboxList>('/api/v1/settings/email/outbox?status=failed')).body;
    expect(later.items.map((e) => e.id)).toEqual([queued.id]);
  });
});

import type { CustomerEmailResult, OutboxList } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, type TestApp } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { runEmailSender } from '../email/index.js';

/**
 * Emails to customers written in the CRM (POST /customers/:id/emails): queued in the outbox and
 * kept as an email follow-up on the customer's timeline in one transaction, to the contact's or
 * the customer's address by default, replies to the writer; bad input and other people's
 * customers change nothing. Both engines, through a real SMTP server.
 */
let t: TestApp;
let org: Org;
let smtp: TestSmtp;
let customerId: number;
let contactId: number;
let bareId: number;
let otherContactId: number;

const outboxTotal = async () => (await org.admin.get<OutboxList>('/api/v1/settings/email/outbox')).body.total;
const followUpTotal = async (id: number) => (await org.as.east1.get(`/api/v1/customers/${id}/follow-ups`)).body.total as number;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp();
  org = await createOrg(t);
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '邮件往来有限公司', email: 'info@wanglai.example' }))).body.id;
  contactId = (await org.as.east1.post('/api/v1/contacts', { customerId, name: '李采购', email: 'li@wanglai.example' })).body.id;
  bareId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '没有邮箱的客户' }))).body.id;
  otherContactId = (await org.as.east1.post('/api/v1/contacts', { customerId: bareId, name: '王别家', email: 'wang@else.example' })).body.id;
}, 180_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('emails to customers', () => {
  it('to the contact: queued, on the timeline as an email follow-up with the contact, sent with replies to the writer', async () => {
    const res = await org.as.east1.post<CustomerEmailResult>(`/api/v1/customers/${customerId}/emails`, { contactId, subject: '报价单 BJ-2026-000123', body: '李经理您好：\n\n附上报价，请查收。\n\n张伟' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.email).toMatchObject({ kind: 'customer', status: 'queued', to: 'li@wanglai.example', subject: '报价单 BJ-2026-000123', customerId });
    expect(res.body.followUp).toMatchObject({ kind: 'email', customerId, authorId: org.ids.east1, contacts: [{ id: contactId, name: '李采购' }] });
    expect(res.body.followUp.content).toBe('发送邮件至 li@wanglai.example：报价单 BJ-2026-000123\n\n李经理您好：\n\n附上报价，请查收。\n\n张伟'.replace('发送邮件至 li@wanglai.example：', 'Email to li@wanglai.example: '));
    const timeline = (await org.as.east1.get(`/api/v1/customers/${customerId}/follow-ups`)).body.items as Array<{ id: number; kind: string }>;
    expect(timeline[0]).toMatchObject({ id: res.body.followUp.id, kind: 'email' });
    expect((await org.as.east1.get(`/api/v1/customers/${customerId}`)).body.lastFollowUpAt).toBe(res.body.followUp.occurredAt);

    // Nothing goes out before SMTP is set; then it does, once.
    expect((await runEmailSender(t.ctx)).sent).toBe(0);
    const { version } = (await org.admin.get('/api/v1/settings/email')).body;
    await org.admin.put('/api/v1/settings/email', { host: '127.0.0.1', port: smtp.port, security: 'none', user: '', fromAddress: 'sales@crm.example', fromName: '销售部', appUrl: '', version });
    expect((await runEmailSender(t.ctx)).sent).toBe(1);
    const mail = smtp.mails.at(-1);
    expect(mail?.envelopeTo).toEqual(['li@wanglai.example']);
    expect(mail?.subject).toBe('报价单 BJ-2026-000123');
    expect(mail?.text).toBe('李经理您好：\n\n附上报价，请查收。\n\n张伟');
    expect(mail?.headers.get('reply-to')).toContain('east1@example.com');
    expect(mail?.headers.get('from')).toContain('sales@crm.example');
  });

  it('to the customer without a contact, or to the address given', async () => {
    const toCustomer = await org.as.east1.post<CustomerEmailResult>(`/api/v1/customers/${customerId}/emails`, { subject: '节日问候', body: '祝节日快乐！' });
    expect(toCustomer.body.email.to).toBe('info@wanglai.example');
    expect(toCustomer.body.followUp.contacts).toEqual([]);
    const given = await org.as.east1.post<CustomerEmailResult>(`/api/v1/customers/${bareId}/emails`, { to: 'Boss@Else.Example', subject: '您好', body: '初次联系' });
    expect(given.status).toBe(201);
    expect(given.body.email.to).toBe('boss@else.example');
  });

  it('refuses bad input field by field, in the caller\'s language, writing neither email nor follow-up', async () => {
    const [emails, onCustomer, onBare] = [await outboxTotal(), await followUpTotal(customerId), await followUpTotal(bareId)];
    const cases: Array<[number, Record<string, unknown>, string]> = [
      [customerId, { contactId: otherContactId, subject: 's', body: 'b' }, 'contactId'],
      [bareId, { subject: 's', body: 'b' }, 'to'],
      [customerId, { subject: '', body: 'b' }, 'subject'],
      [customerId, { subject: 's', body: '' }, 'body'],
      [customerId, { to: 'not-an-address', subject: 's', body: 'b' }, 'to'],
      [customerId, { subject: '第一行\n第二行', body: 'b' }, 'subject'],
      [customerId, { subject: 's', body: 'b', cc: 'x@y.example' }, 'cc'],
    ];
    for (const [id, body, path] of cases) {
      const res = await org.as.east1.post(`/api/v1/customers/${id}/emails`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    expect(errorAt(await zh.post(`/api/v1/customers/${bareId}/emails`, { subject: 's', body: 'b' }), 'to')).toBe('客户和联系人都没有邮箱，请填写收件人。');
    expect([await outboxTotal(), await followUpTotal(customerId), await followUpTotal(bareId)]).toEqual([emails, onCustomer, onBare]);
  });

  it('only on a customer one may see, with followups.create', async () => {
    const before = await outboxTotal();
    expect((await org.as.east2.post(`/api/v1/customers/${customerId}/emails`, { subject: 's', body: 'b' })).status).toBe(404);
    expect((await org.as.reader.post(`/api/v1/customers/${customerId}/emails`, { subject: 's', body: 'b' })).status).toBe(403);
    expect((await org.as.east1.post('/api/v1/customers/999999/emails', { subject: 's', body: 'b' })).status).toBe(404);
    expect((await org.as.manager.post(`/api/v1/customers/${customerId}/emails`, { subject: '经理跟进', body: '您好' })).status).toBe(201);
    expect(await outboxTotal()).toBe(before + 1);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

let t: TestApp;
let org: Org;
let customerOfEast1 = 0;
let contactOfEast1 = 0;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26, 0), Buffer.from('[Content_Types].xml'), Buffer.alloc(40, 7), Buffer.from('PK\x03\x04word/document.xml', 'latin1')]);
// "名称,电话\r\n" in GBK.
const gbkText = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x0d, 0x0a]);
const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(100, 0)]);

/** POST a raw file body (Agent only sends JSON). */
async function upload(agent: Agent, url: string, data: Buffer, lang = 'en') {
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: data,
    headers: { 'content-type': 'application/octet-stream', 'accept-language': lang, ...(agent.cookie ? { cookie: agent.cookie } : {}) },
  });
  return { status: res.statusCode, body: res.json() as any };
}

async function download(agent: Agent, id: number) {
  return t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/download`, headers: agent.cookie ? { cookie: agent.cookie } : {} });
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  customerOfEast1 = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '附件客户', ownerId: org.ids.east1 }))).body.id;
  contactOfEast1 = (await org.admin.post('/api/v1/contacts', { customerId: customerOfEast1, name: '附件联系人' })).body.id;
}, 120_000);
afterAll(() => t.close());

describe('attachments', () => {
  it('upload, list, download and delete, with timeline entries', async () => {
    const east1 = org.as.east1;
    const up = await upload(east1, `/api/v1/customers/${customerOfEast1}/attachments?fileName=${encodeURIComponent('报价单 2026.pdf')}`, pdf);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ customerId: customerOfEast1, contactId: null, fileName: '报价单 2026.pdf', mime: 'application/pdf', size: pdf.length, createdByName: '张伟', can: { delete: true } });
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const onContact = await upload(east1, `/api/v1/contacts/${contactOfEast1}/attachments?fileName=card.PNG`, png);
    expect(onContact.status).toBe(201);
    expect(onContact.body).toMatchObject({ contactId: contactOfEast1, contactName: '附件联系人', mime: 'image/png' });
    const text = await upload(east1, `/api/v1/customers/${customerOfEast1}/attachments?fileName=list.csv`, gbkText);
    expect(text.body.mime).toBe('text/csv; charset=gbk');
    expect((await upload(east1, `/api/v1/customers/${customerOfEast1}/attachments?fileName=proposal.docx`, docx)).status).toBe(201);

    // Stored under the data folder by year and month, never under the user's file name.
    const stored = fs.readdirSync(path.join(t.ctx.config.dataDir, 'attachments', '2026'), { recursive: true }).map(String);
    expect(stored.some((p) => p.includes('.tmp'))).toBe(false);
    expect(stored.filter((p) => /^\d{2}[/\\][0-9a-f]{32}$/.test(p))).toHaveLength(4);

    const list = await east1.get(`/api/v1/customers/${customerOfEast1}/attachments`);
    expect(list.body.total).toBe(4);
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['proposal.docx', 'list.csv', 'card.PNG', '报价单 2026.pdf']);
    const contactList = await east1.get(`/api/v1/contacts/${contactOfEast1}/attachments`);
    expect(contactList.body.items.map((a: { id: number }) => a.id)).toEqual([onContact.body.id]);

    const file = await download(east1, up.body.id);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="___ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('报价单 2026.pdf')}`);

    expect((await east1.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(204);
    expect((await download(east1, up.body.id)).statusCode).toBe(404);
    expect((await east1.get(`/api/v1/customers/${customerOfEast1}/attachments`)).body.total).toBe(3);
    expect((await east1.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(404);

    const timeline = await east1.get(`/api/v1/customers/${customerOfEast1}/history?actions=attach,detach`);
    expect(timeline.body.items.map((h: { action: string; label: string }) => `${h.action}:${h.label}`)).toEqual([
      'detach:报价单 2026.pdf', 'attach:proposal.docx', 'attach:list.csv', 'attach:card.PNG', 'attach:报价单 2026.pdf',
    ]);
    expect(timeline.body.items[3]).toMatchObject({ entityType: 'attachment', actorName: '张伟', changes: [{ field: 'fileName', new: 'card.PNG' }, { field: 'contact', new: '附件联系人' }] });
    const byType = await east1.get(`/api/v1/customers/${customerOfEast1}/history?entityType=contact`);
    expect(byType.body.items.map((h: { action: string }) => h.action)).toEqual(['create']);
    expect((await east1.get(`/api/v1/customers/${customerOfEast1}/history?actions=fly`)).status).toBe(400);
  });

  it('erasing a customer from the recycle bin erases its files', async () => {
    const id = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '附件清除客户' }))).body.id;
    const up = await upload(org.admin, `/api/v1/customers/${id}/attachments?fileName=gone.pdf`, pdf);
    expect(up.status).toBe(201);
    const root = path.join(t.ctx.config.dataDir, 'attachments');
    const files = () => fs.readdirSync(root, { recursive: true }).map(String).filter((p) => /[0-9a-f]{32}$/.test(p)).length;
    const before = files();
    expect((await org.admin.delete(`/api/v1/customers/${id}`)).status).toBe(204);
    expect(files()).toBe(before); // in the bin the file is kept: the customer may come back
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${id}`)).status).toBe(204);
    expect(files()).toBe(before - 1);
    expect((await download(org.admin, up.body.id)).statusCode).toBe(404);
  });

  it('refuses files over the administrator limit, of types not allowed, or whose content does not match', async () => {
    const admin = org.admin;
    const settings = await admin.get('/api/v1/settings/attachments');
    expect(settings.body).toMatchObject({ maxSizeMb: 20, version: 0 });
    expect(settings.body.allowedExtensions).toContain('xlsx');
    const saved = await admin.put('/api/v1/settings/attachments', { maxSizeMb: 1, allowedExtensions: ['pdf', 'png', 'txt', 'PNG'], version: 0 });
    expect(saved.body).toEqual({ maxSizeMb: 1, allowedExtensions: ['pdf', 'png', 'txt'], version: 1 });
    const stale = await admin.put('/api/v1/settings/attachments', { maxSizeMb: 5, allowedExtensions: ['pdf'], version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);

    const url = (name: string) => `/api/v1/customers/${customerOfEast1}/attachments?fileName=${encodeURIComponent(name)}`;
    const big = await upload(admin, url('big.pdf'), Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 1, 0x20)]));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('The file is 1.0 MB; the administrator allows at most 1 MB per file.');
    const bigZh = await upload(admin, url('big.pdf'), Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024, 0x20)]), 'zh-CN');
    expect(bigZh.body.error.message).toBe('文件大小为 2.0 MB，管理员设置的单个文件上限为 1 MB。');
    const docType = await upload(admin, url('plan.docx'), docx);
    expect(docType.status).toBe(400);
    expect(docType.body.error.message).toBe('Files of type .docx are not allowed. Allowed types: pdf, png, txt.');
    expect(docType.body.error.details[0].path).toBe('fileName');
    const renamed = await upload(admin, url('invoice.pdf'), exe);
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details).toEqual([{ path: 'file', message: expect.stringContaining('not a .pdf file') }]);
    expect((await upload(admin, url('photo.png'), pdf)).status).toBe(400);
    expect((await upload(admin, url('notes.txt'), exe)).status).toBe(400); // NUL bytes: not text
    expect((await upload(admin, url('page.html'), Buffer.from('<html><script>alert(1)</script></html>'))).status).toBe(400);
    expect((await upload(admin, url('noext'), pdf)).status).toBe(400);
    expect((await upload(admin, url('../../etc/passwd.txt'), Buffer.from('x'))).body.error.details[0].path).toBe('fileName');
    expect((await upload(admin, url('empty.pdf'), Buffer.alloc(0))).status).toBe(400);
    // JSON to an upload address, and a file to a JSON address, are both refused.
    expect((await admin.post(url('a.pdf'), { file: 'x' })).status).toBe(400);
    expect((await upload(admin, '/api/v1/customers', pdf)).status).toBe(400);
    expect((await admin.get(`/api/v1/customers/${customerOfEast1}/attachments`)).body.total).toBe(3);
    await admin.put('/api/v1/settings/attachments', { maxSizeMb: 20, allowedExtensions: ['pdf', 'png', 'jpg', 'txt', 'csv', 'docx', 'zip'], version: 1 });
  });

  it('out-of-scope users get 404 on list, download, upload and delete; rights are checked', async () => {
    const up = await upload(org.as.east1, `/api/v1/customers/${customerOfEast1}/attachments?fileName=scope.pdf`, pdf);
    expect(up.status).toBe(201);
    const contactFile = (await org.admin.get(`/api/v1/contacts/${contactOfEast1}/attachments`)).body.items[0].id as number;
    for (const who of ['east2', 'north1'] as const) {
      const agent = org.as[who];
      expect((await agent.get(`/api/v1/customers/${customerOfEast1}/attachments`)).status).toBe(404);
      expect((await agent.get(`/api/v1/contacts/${contactOfEast1}/attachments`)).status).toBe(404);
      expect((await download(agent, up.body.id)).statusCode).toBe(404);
      expect((await download(agent, contactFile)).statusCode).toBe(404);
      expect((await upload(agent, `/api/v1/customers/${customerOfEast1}/attachments?fileName=x.pdf`, pdf)).status).toBe(404);
      expect((await agent.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(404);
    }
    // Same scope (all), no edit right: may read, may not change.
    const reader = org.as.reader;
    expect((await download(reader, up.body.id)).statusCode).toBe(200);
    expect((await reader.get(`/api/v1/customers/${customerOfEast1}/attachments`)).body.items[0].can.delete).toBe(false);
    expect((await upload(reader, `/api/v1/customers/${customerOfEast1}/attachments?fileName=x.pdf`, pdf)).status).toBe(403);
    expect((await reader.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(403);
    // A service agent edits contacts but not customers: a contact's file yes, the customer's no.
    const agent = org.as.agent;
    expect((await upload(agent, `/api/v1/contacts/${contactOfEast1}/attachments?fileName=agent.pdf`, pdf)).status).toBe(201);
    expect((await upload(agent, `/api/v1/customers/${customerOfEast1}/attachments?fileName=agent.pdf`, pdf)).status).toBe(403);
    expect((await agent.delete(`/api/v1/attachments/${up.body.id}`)).status).toBe(403);
    // Files of a contact in the recycle bin are hidden with it.
    await org.admin.delete(`/api/v1/contacts/${contactOfEast1}`);
    expect((await download(org.admin, contactFile)).statusCode).toBe(404);
    const remaining = (await org.admin.get(`/api/v1/customers/${customerOfEast1}/attachments`)).body.items;
    expect(remaining.every((a: { contactId: number | null }) => a.contactId === null)).toBe(true);
    // Anonymous callers are refused.
    expect((await download(t.anonymous(), up.body.id)).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Files attached to a customer while it is merged (PostgreSQL runs both at once). */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

async function upload(url: string): Promise<{ status: number; body: { id?: number } }> {
  const res = await t.app.inject({ method: 'POST', url, payload: pdf, headers: { 'content-type': 'application/octet-stream', ...(admin.cookie ? { cookie: admin.cookie } : {}) } });
  return { status: res.statusCode, body: res.json() };
}

describe('files attached during a merge', () => {
  it('all end under the survivor, or are refused', async () => {
    for (let round = 0; round < 3; round++) {
      const a = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body;
      const b = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body;
      const contact = (await admin.post('/api/v1/contacts', { customerId: b.id, name: '附件联系人' })).body;
      const [merge, ...uploads] = await Promise.all([
        admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: a.version }),
        ...Array.from({ length: 10 }, (_, i) => upload(i % 2 === 0 ? `/api/v1/customers/${b.id}/attachments?fileName=f${i}.pdf` : `/api/v1/contacts/${contact.id}/attachments?fileName=f${i}.pdf`)),
      ]);
      expect(merge?.status).toBe(200);
      const stored = uploads.filter((r) => r.status === 201).map((r) => r.body.id as number);
      for (const refused of uploads.filter((r) => r.status !== 201)) expect(refused.status, JSON.stringify(refused.body)).toBe(404);
      const listed = (await admin.get(`/api/v1/customers/${a.id}/attachments?pageSize=50`)).body.items.map((f: { id: number }) => f.id);
      expect(listed.sort()).toEqual(stored.sort());
    }
  });
});

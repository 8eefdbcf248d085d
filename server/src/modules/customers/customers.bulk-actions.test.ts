import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type TestApp } from '../../test/harness.js';

/**
 * Bulk actions of the customer list: tags and delete on 1-500 customers, all or none, within
 * what the caller may edit; bad input is a field-level 400 and changes nothing.
 */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

interface Stored { id: number; version: number; tags: string[] }

async function customer(ownerId: number | null, tags: string[] = []): Promise<Stored> {
  return (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId, tags }))).body;
}
const read = async (id: number): Promise<Stored> => (await org.admin.get(`/api/v1/customers/${id}`)).body;
const history = async (id: number): Promise<Array<{ action: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>> =>
  (await org.admin.get(`/api/v1/customers/${id}/history`)).body.items;

describe('POST /customers/bulk-tags', () => {
  it('adds and removes tags; each changed customer gets a new version and an update entry', async () => {
    const a = await customer(org.ids.east1, ['老客户', '华东']);
    const b = await customer(org.ids.east1, ['VIP']);
    const res = await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [a.id, b.id], add: ['VIP', '展会'], remove: ['华东'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 2 });
    const [na, nb] = [await read(a.id), await read(b.id)];
    expect(na.tags).toEqual(['老客户', 'VIP', '展会']);
    expect(nb.tags).toEqual(['VIP', '展会']);
    expect(na.version).toBe(a.version + 1);
    expect(nb.version).toBe(b.version + 1);
    const [entry] = await history(a.id);
    expect(entry?.action).toBe('update');
    expect(entry?.changes).toEqual([{ field: 'tags', old: ['老客户', '华东'], new: ['老客户', 'VIP', '展会'] }]);
  });

  it('leaves a customer whose tags do not change alone (no version, no entry)', async () => {
    const a = await customer(org.ids.east1, ['VIP']);
    const b = await customer(org.ids.east1);
    const res = await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [a.id, b.id, b.id], add: ['  VIP  '] });
    expect(res.body).toEqual({ updated: 1 });
    expect((await read(a.id)).version).toBe(a.version);
    expect((await history(a.id)).map((e) => e.action)).toEqual(['create']);
    expect((await read(b.id)).tags).toEqual(['VIP']);
  });

  it('all or none: one colleague\'s customer (outside "own" scope) is a 404 and nothing changes', async () => {
    const mine = await customer(org.ids.east1);
    const colleagues = await customer(org.ids.east2);
    const res = await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [mine.id, colleagues.id], add: ['VIP'] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    for (const c of [mine, colleagues]) {
      const now = await read(c.id);
      expect(now.tags).toEqual([]);
      expect(now.version).toBe(c.version);
    }
    // A missing and a pool customer (edited with the assign right only) are refused the same way.
    expect((await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [mine.id, 999_999], add: ['VIP'] })).status).toBe(404);
    const pool = await customer(null);
    expect((await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [mine.id, pool.id], add: ['VIP'] })).status).toBe(404);
    expect((await read(mine.id)).version).toBe(mine.version);
  });

  it('refuses more than 20 tags on any customer, changing none', async () => {
    const full = await customer(org.ids.east1, Array.from({ length: 20 }, (_, i) => `t${i}`));
    const other = await customer(org.ids.east1);
    const res = await org.as.east1.post('/api/v1/customers/bulk-tags', { ids: [other.id, full.id], add: ['新'] });
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toEqual(['add']);
    expect((await read(other.id)).version).toBe(other.version);
  });

  it('validation: field-level 400s', async () => {
    const c = await customer(org.ids.east1);
    const bad = async (body: unknown, path: string) => {
      const res = await org.admin.post('/api/v1/customers/bulk-tags', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(errorPaths(res)).toContain(path);
    };
    await bad({ ids: [], add: ['VIP'] }, 'ids');
    await bad({ ids: Array.from({ length: 501 }, (_, i) => i + 1), add: ['VIP'] }, 'ids');
    await bad({ ids: ['x'], add: ['VIP'] }, 'ids.0');
    await bad({ ids: [c.id] }, 'add');
    await bad({ ids: [c.id], add: [] }, 'add');
    await bad({ ids: [c.id], add: ['   '] }, 'add.0');
    await bad({ ids: [c.id], add: ['x'.repeat(31)] }, 'add.0');
    await bad({ ids: [c.id], remove: [42] }, 'remove.0');
    await bad({ ids: [c.id], add: ['VIP'], color: 'red' }, 'color');
    expect((await read(c.id)).version).toBe(c.version);
  });

  it('needs customers.edit', async () => {
    const c = await customer(org.ids.east1);
    for (const who of ['agent', 'marketer', 'reader'] as const) {
      expect((await org.as[who].post('/api/v1/customers/bulk-tags', { ids: [c.id], add: ['VIP'] })).status, who).toBe(403);
    }
    expect((await t.anonymous().post('/api/v1/customers/bulk-tags', { ids: [c.id], add: ['VIP'] })).status).toBe(401);
    expect((await read(c.id)).version).toBe(c.version);
  });
});

describe('POST /customers/bulk-delete', () => {
  it('moves the customers to the recycle bin as a single delete does', async () => {
    const a = await customer(org.ids.east1);
    const b = await customer(org.ids.east1);
    const res = await org.as.east1.post('/api/v1/customers/bulk-delete', { ids: [a.id, b.id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 2 });
    for (const c of [a, b]) {
      expect((await org.admin.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
    }
    const stored = await t.ctx.db.selectFrom('customers').select(['id', 'deleted_at', 'deleted_by', 'version']).where('id', 'in', [a.id, b.id]).execute();
    for (const row of stored) {
      expect(row.deleted_at).not.toBeNull();
      expect(row.deleted_by).toBe(org.ids.east1);
      expect(row.version).toBe(a.version);
    }
    // Restorable like any deleted customer.
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${a.id}/restore`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/customers/${a.id}`)).status).toBe(200);
  });

  it('all or none: a colleague\'s customer is a 404 and nothing is deleted', async () => {
    const mine = await customer(org.ids.east1);
    const colleagues = await customer(org.ids.east2);
    const res = await org.as.east1.post('/api/v1/customers/bulk-delete', { ids: [mine.id, colleagues.id] });
    expect(res.status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${mine.id}`)).status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${colleagues.id}`)).status).toBe(200);
    // An id deleted already counts as missing.
    await org.as.east1.post('/api/v1/customers/bulk-delete', { ids: [mine.id] });
    expect((await org.as.east1.post('/api/v1/customers/bulk-delete', { ids: [mine.id] })).status).toBe(404);
  });

  it('validation and permission', async () => {
    for (const body of [{ ids: [] }, { ids: Array.from({ length: 501 }, (_, i) => i + 1) }, {}, { ids: [1], all: true }]) {
      const res = await org.admin.post('/api/v1/customers/bulk-delete', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const c = await customer(org.ids.east1);
    for (const who of ['agent', 'marketer', 'reader'] as const) {
      expect((await org.as[who].post('/api/v1/customers/bulk-delete', { ids: [c.id] })).status, who).toBe(403);
    }
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).status).toBe(200);
  });
});

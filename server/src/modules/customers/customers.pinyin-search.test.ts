import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { sql } from 'kysely';
import { reindexSearch } from '../../platform/search-reindex.js';
import { buildSearchDocument, normalizeForSearch, writeSearchIndex } from '../../platform/search.js';

/**
 * Chinese names are found by full pinyin, spaced pinyin, initials and pinyin mixed with
 * characters, in customers, contacts, leads and deals, within the searcher's data scope.
 */
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const customer = async (key: string, name: string, ownerId: number, kind: 'organization' | 'person' = 'organization') => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId, kind }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  await customer('zhangwei', '张伟', org.ids.east1, 'person');
  await customer('zhangwei2', '张维', org.ids.north1, 'person');
  await customer('xingchen', '星辰电子科技有限公司', org.ids.east1);
  await customer('shan', '单田芳', org.ids.east1, 'person');
  await customer('other', '李娜', org.ids.east1, 'person');
  const contact = await org.admin.post('/api/v1/contacts', { customerId: ids.xingchen, name: '欧阳娜娜', mobile: '13912345678' });
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
  ids.contact = contact.body.id;
  const lead = await org.admin.post('/api/v1/leads', { name: '王小红', company: '蓝天贸易', source: 'exhibition', ownerId: org.ids.east1 });
  expect(lead.status, JSON.stringify(lead.body)).toBe(201);
  ids.lead = lead.body.id;
  const pipeline = ((await org.admin.get('/api/v1/pipelines')).body.items as Array<{ id: number; stages: Array<{ id: number }> }>)[0];
  if (!pipeline?.stages[0]) throw new Error('no pipeline');
  const deal = await org.admin.post('/api/v1/opportunities', { name: '华东年度框架采购', customerId: ids.other, pipelineId: pipeline.id, stageId: pipeline.stages[0].id, amount: 100_000, expectedCloseDate: '2026-12-31', ownerId: org.ids.east1 });
  expect(deal.status, JSON.stringify(deal.body)).toBe(201);
  ids.deal = deal.body.id;
}, 120_000);
afterAll(() => t.close());

const found = async (path: string, q: string): Promise<number[]> => {
  const res = await org.admin.get(`/api/v1/${path}?q=${encodeURIComponent(q)}&pageSize=50`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b);
};

describe('pinyin search', () => {
  it('finds a customer by full pinyin, spaced pinyin, initials and mixed text', async () => {
    const both = [ids.zhangwei, ids.zhangwei2].sort((a, b) => (a as number) - (b as number));
    expect(await found('customers', 'zhangwei')).toEqual(both);
    expect(await found('customers', 'Zhang Wei')).toEqual(both);
    expect(await found('customers', 'zw')).toEqual(both);
    expect(await found('customers', 'zhang伟')).toEqual(both);
    // Characters still match only themselves.
    expect(await found('customers', '张伟')).toEqual([ids.zhangwei]);
  });

  it('finds a company by the pinyin of its name and its initials, not by its legal suffix', async () => {
    expect(await found('customers', 'xingchen')).toEqual([ids.xingchen]);
    expect(await found('customers', 'xcdz')).toEqual([ids.xingchen]);
    expect(await found('customers', 'youxiangongsi')).toEqual([]);
  });

  it('knows the other readings of a polyphonic surname', async () => {
    expect(await found('customers', 'shantianfang')).toEqual([ids.shan]);
    expect(await found('customers', 'stf')).toEqual([ids.shan]);
  });

  it('finds a customer by the pinyin of its contact, and the contact itself', async () => {
    expect(await found('customers', 'ouyangnana')).toEqual([ids.xingchen]);
    expect(await found('contacts', 'ouyangnana')).toEqual([ids.contact]);
    expect(await found('contacts', 'oynn')).toEqual([ids.contact]);
    expect(await found('contacts', 'ouyang娜娜')).toEqual([ids.contact]);
  });

  it('finds leads by name and company pinyin, and deals by their name or customer', async () => {
    expect(await found('leads', 'wangxiaohong')).toEqual([ids.lead]);
    expect(await found('leads', 'ltmy')).toEqual([ids.lead]);
    expect(await found('opportunities', 'huadong')).toEqual([ids.deal]);
    expect(await found('opportunities', 'lina')).toEqual([ids.deal]);
  });

  it('stays within the searcher’s data scope', async () => {
    const mine = await org.as.east1.get(`/api/v1/customers?q=zhangwei`);
    expect((mine.body.items as Array<{ id: number }>).map((c) => c.id)).toEqual([ids.zhangwei]);
    expect(mine.body.total).toBe(1);
    const north = await org.as.north1.get(`/api/v1/customers?q=zw`);
    expect((north.body.items as Array<{ id: number }>).map((c) => c.id)).toEqual([ids.zhangwei2]);
    const contacts = await org.as.north1.get(`/api/v1/contacts?q=ouyangnana`);
    expect(contacts.body.items).toEqual([]);
    const leads = await org.as.north1.get(`/api/v1/leads?q=wangxiaohong`);
    expect(leads.body.items).toEqual([]);
  });

  it('follows a renamed contact and customer', async () => {
    const contact = (await org.admin.get(`/api/v1/contacts/${ids.contact}`)).body;
    const renamed = await org.admin.patch(`/api/v1/contacts/${ids.contact}`, { version: contact.version, name: '司马光' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await found('contacts', 'simaguang')).toEqual([ids.contact]);
    expect(await found('contacts', 'ouyangnana')).toEqual([]);
    expect(await found('customers', 'smg')).toEqual([ids.xingchen]);
  });
});

describe('re-indexing search keys written before pinyin', () => {
  it('rewrites every kind of record in batches, where the last run stopped, and then finds them by pinyin', async () => {
    const db = t.ctx.db;
    // As an earlier version left them: normalised text only, no pinyin.
    const customers = await db.selectFrom('customers').select(['id', 'name']).execute();
    for (const c of customers) {
      const old = normalizeForSearch(c.name);
      await db.updateTable('customers').set({ search_key: old }).where('id', '=', c.id).execute();
      const grams = buildSearchDocument([]).grams;
      for (let i = 0; i + 2 <= old.length; i++) grams.push(old.slice(i, i + 2));
      await writeSearchIndex(db, t.ctx.engine, c.id, grams);
    }
    await sql`update contacts set search_key = ''`.execute(db);
    await sql`update leads set search = lower(name)`.execute(db);
    await sql`update opportunities set search = lower(name)`.execute(db);
    await db.updateTable('settings').set({ value: JSON.stringify({ version: 1 }) }).where('key', '=', 'search.reindex').execute();
    expect(await found('customers', 'xcdz')).toEqual([]);
    expect(await found('contacts', 'simaguang')).toEqual([]);
    expect(await found('leads', 'wangxiaohong')).toEqual([]);
    expect(await found('opportunities', 'huadong')).toEqual([]);

    // A budget of nothing: one batch of two rows per run, so it takes several runs to finish.
    let runs = 0;
    while (!(await reindexSearch(t.ctx, { batch: 2, budgetMs: 0 }))) runs += 1;
    expect(runs).toBeGreaterThan(3);
    expect(await found('customers', 'xcdz')).toEqual([ids.xingchen]);
    expect(await found('customers', 'zw')).toHaveLength(2);
    expect(await found('contacts', 'simaguang')).toEqual([ids.contact]);
    expect(await found('leads', 'wangxiaohong')).toEqual([ids.lead]);
    expect(await found('opportunities', 'huadong')).toEqual([ids.deal]);
    // Done: a further run has nothing to do.
    expect(await reindexSearch(t.ctx, { batch: 2, budgetMs: 0 })).toBe(true);
  });
});

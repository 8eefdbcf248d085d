import type { Notification } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { mentionedIds } from './mentions.js';

/**
 * Mentions in follow-ups (@name): the users named who may read the customer and its follow-ups
 * are notified (and emailed, by default), nobody else, never the author; an edit tells only the
 * newly named. Both engines.
 */
let t: TestApp;
let org: Org;
let customerId: number;

const mentionsOf = async (agent: Agent) =>
  ((await agent.get('/api/v1/notifications?pageSize=100')).body.items as Notification[]).filter((n) => n.kind === 'mentioned');
const who = ['manager', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader', 'eastLead'] as const;
/** Who has been told about a mention so far, by name in the fixture. */
const told = async () => {
  const out: string[] = [];
  for (const name of who) if ((await mentionsOf(org.as[name])).length > 0) out.push(name);
  return out;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '提及测试客户' }))).body.id;
}, 180_000);
afterAll(() => t.close());

describe('mentions', () => {
  it('reads names after @: the longest name, Chinese names without a space after them, not email addresses', () => {
    const directory = [
      { id: 1, name: '张伟' },
      { id: 2, name: '张伟明' },
      { id: 3, name: 'Emma Smith' },
      { id: 4, name: 'Emma' },
      { id: 5, name: '刘芳' },
    ];
    expect(mentionedIds('@张伟明请跟进', directory)).toEqual([2]);
    expect(mentionedIds('@张伟请跟进，@刘芳知悉', directory).sort()).toEqual([1, 5]);
    expect(mentionedIds('cc @emma smith, thanks', directory)).toEqual([3]);
    expect(mentionedIds('@Emmanuel and @Emma.', directory)).toEqual([4]);
    expect(mentionedIds('写信到 zhang@张伟.com 或 @ 张伟', directory)).toEqual([]);
    expect(mentionedIds('没有提及任何人', directory)).toEqual([]);
  });

  it('tells the mentioned users who may see the customer, by bell and by email; not the author, not those outside its scope or without follow-ups', async () => {
    const res = await org.as.east1.post('/api/v1/follow-ups', {
      customerId,
      kind: 'call',
      content: '客户要求折扣，@王经理 请审批；@刘芳 @Emma Smith 不负责此客户；@李组长 看不到跟进；@张伟 是我自己',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 王经理 (department tree over 华东组) sees it; 刘芳 and Emma Smith (own scope) do not; 李组长's role has no followups.view.
    expect(await told()).toEqual(['manager']);
    const [notice] = await mentionsOf(org.as.manager);
    expect(notice).toMatchObject({ entityType: 'customer', entityId: customerId, readAt: null });
    expect(notice?.message).toMatch(/^张伟 mentioned you in a follow-up on 提及测试客户: 客户要求折扣，@王经理 请审批/);
    const emails = (await org.admin.get('/api/v1/settings/email/outbox?pageSize=100')).body.items as Array<{ to: string; kind: string }>;
    expect(emails.filter((e) => e.kind === 'notification').map((e) => e.to)).toEqual(['manager@example.com']);

    // An edit tells only those it newly names: the reader (every customer, reads follow-ups), not the manager again.
    const edited = await org.as.east1.patch(`/api/v1/follow-ups/${res.body.id}`, { version: res.body.version, content: `${res.body.content as string} 补充：@周只读 请留意` });
    expect(edited.status).toBe(200);
    expect(await told()).toEqual(['manager', 'reader']);
    expect(await mentionsOf(org.as.manager)).toHaveLength(1);
  });

  it('a mention on a pool customer reaches a salesperson (the pool is theirs to see)', async () => {
    const pooled = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '公海提及客户', ownerId: null }))).body.id as number;
    const before = (await mentionsOf(org.as.north1)).length;
    const res = await org.admin.post('/api/v1/follow-ups', { customerId: pooled, kind: 'note', content: '@Emma Smith 这个公海客户适合你' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await mentionsOf(org.as.north1)).toHaveLength(before + 1);
  });

  it('offers the composer exactly the users a mention would reach, with pinyin and initials; 404 on a customer out of sight', async () => {
    const res = await org.as.east1.get(`/api/v1/follow-ups/mention-candidates?customerId=${customerId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as Array<{ id: number; name: string; keys: string[] }>;
    // Exactly those who read every customer or the department tree, with follow-ups; not 张伟 himself,
    // not 刘芳 or Emma Smith (own scope), not 李组长 (no followups.view).
    const me = (await org.admin.get('/api/v1/auth/me')).body.user.id as number;
    expect(items.map((u) => u.id).sort((a, b) => a - b)).toEqual([me, org.ids.manager, org.ids.agent, org.ids.marketer, org.ids.reader].sort((a, b) => a - b));
    const manager = items.find((u) => u.id === org.ids.manager);
    expect(manager?.keys).toEqual(expect.arrayContaining(['王经理', 'wangjingli', 'wjl']));
    // Outside the caller's scope: as if it did not exist.
    const other = (await org.as.east2.post('/api/v1/customers', buildCustomer({ name: '别人的客户' }))).body.id as number;
    expect((await org.as.east1.get(`/api/v1/follow-ups/mention-candidates?customerId=${other}`)).status).toBe(404);
    expect((await org.as.east1.get('/api/v1/follow-ups/mention-candidates?customerId=abc')).status).toBe(400);
    // A role that may not write follow-ups is not offered the list.
    expect((await org.as.reader.get(`/api/v1/follow-ups/mention-candidates?customerId=${customerId}`)).status).toBe(403);
  });

  it('a bulk follow-up tells each mentioned user once, about the customers of it they may see; not those who see none', async () => {
    const mine = [
      (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '批量提及甲' }))).body.id as number,
      (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '批量提及乙' }))).body.id as number,
      (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '批量提及丙' }))).body.id as number,
    ];
    // A pool customer: 刘芳 (own scope) may see it and none of the three.
    const pooled = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '批量提及公海', ownerId: null }))).body.id as number;
    const before = { manager: (await mentionsOf(org.as.manager)).length, east2: (await mentionsOf(org.as.east2)).length, north1: (await mentionsOf(org.as.north1)).length, reader: (await mentionsOf(org.as.reader)).length };
    const res = await org.as.east1.post('/api/v1/follow-ups/bulk', { customerIds: [...mine, pooled], kind: 'note', content: '年底统一回访，@王经理 @刘芳 @周只读 知悉；@张伟 自己' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const managerNew = (await mentionsOf(org.as.manager)).slice(0, (await mentionsOf(org.as.manager)).length - before.manager);
    expect(managerNew).toHaveLength(1);
    expect(managerNew[0]).toMatchObject({ entityType: 'customer', entityId: mine[0] });
    expect(managerNew[0]?.message).toMatch(/on 批量提及甲、批量提及乙、批量提及丙 \+1: 年底统一回访/);
    const east2New = (await mentionsOf(org.as.east2)).length - before.east2;
    expect(east2New).toBe(1);
    const [east2Notice] = await mentionsOf(org.as.east2);
    expect(east2Notice).toMatchObject({ entityId: pooled });
    expect(east2Notice?.message).not.toMatch(/批量提及甲/);
    expect((await mentionsOf(org.as.reader)).length - before.reader).toBe(1);
    expect((await mentionsOf(org.as.north1)).length).toBe(before.north1);
    expect((await mentionsOf(org.as.east1)).length).toBe(0);

    // Mentioning only someone who sees none of the customers tells nobody; the follow-ups are still written.
    const quiet = await org.as.east1.post('/api/v1/follow-ups/bulk', { customerIds: mine, kind: 'note', content: '@Emma Smith 看不到这些' });
    expect(quiet.status).toBe(201);
    expect((await mentionsOf(org.as.north1)).length).toBe(before.north1);
  });
});

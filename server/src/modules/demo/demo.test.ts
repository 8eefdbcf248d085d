import type { Customer, IndustriesState, LeadSourcesState, ListResponse, Workbench } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { demoPassword, seedDemo } from './index.js';

/** The demo company is written through the same checks as users' data: list keys, canonical regions. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  await seedDemo(t.ctx, { customers: 40, seed: 7 });
}, 120_000);
afterAll(() => t.close());

describe('demo data', () => {
  it('gives customers industries and sources from the managed lists, and municipalities in canonical form', async () => {
    const customers = (await admin.get<ListResponse<Customer>>('/api/v1/customers?pageSize=100')).body.items;
    expect(customers.length).toBeGreaterThanOrEqual(40);
    const industries = new Set((await admin.get<IndustriesState>('/api/v1/settings/customer-industries')).body.items.map((i) => i.key));
    const sources = new Set((await admin.get<LeadSourcesState>('/api/v1/settings/lead-sources')).body.items.map((i) => i.key));
    for (const c of customers) {
      if (c.industry !== null) expect(industries.has(c.industry), c.industry).toBe(true);
      if (c.source !== null) expect(sources.has(c.source), c.source).toBe(true);
      expect(c.city).not.toBe('市辖区');
    }
  });

  it('demo users sign in with the documented password, which passes the password policy', async () => {
    expect(demoPassword).toBe('crm-demo-2026');
    const users = (await admin.get('/api/v1/users?pageSize=200')).body.items as Array<{ email: string }>;
    const demoUsers = users.filter((u) => u.email !== 'admin@example.com');
    expect(demoUsers.length).toBeGreaterThan(3);
    for (const u of demoUsers) await t.login(u.email, demoPassword);
  });

  it('salespeople start the day on a full workbench: tasks overdue and due today, customers to follow up', async () => {
    const zhang = await t.login('zhang.wei@example.com', demoPassword);
    const w = (await zhang.get<Workbench>('/api/v1/workbench')).body;
    expect(w.tasks?.overdue.items.map((task) => task.title)).toEqual(['整理本周客户拜访记录', '准备季度客户回访名单']);
    expect(w.tasks?.today.items.map((task) => task.title)).toEqual(expect.arrayContaining(['提交本周工作总结', '给重点客户寄送节日贺卡']));
    expect(w.dueCustomers?.items.length).toBeGreaterThan(0);
    expect(w.dueCustomers?.items.every((c) => c.nextOn === w.today)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkReport } from '@crm/contracts';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Work reports (日报/周报) on both engines: the draft is pre-filled from the author's day or week in
 * the company's time zone (follow-ups line by line, new customers, deals created and won, tasks
 * done, tomorrow's tasks as the plan); one report per author, kind and period; the department
 * manager hears of it; exactly the authors in one's scope are read; only the author changes or
 * deletes; comments notify the author; readers leave a receipt.
 */
// Wednesday 2026-11-25, 16:00 in Shanghai; the week runs from Monday 23 to Sunday 29.
const clock = new TestClock(new Date('2026-11-25T08:00:00Z'));
const today = '2026-11-25';
let t: TestApp;
let org: Org;
let customerId: number;

type Report = WorkReport;

async function submit(agent: Agent, body: Record<string, unknown> = {}): Promise<Report> {
  const res = await agent.post('/api/v1/work-reports', { kind: 'daily', summary: '今天的工作', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function notices(agent: Agent, kind: string) {
  return ((await agent.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityType: string; entityId: number; message: string }>).filter((n) => n.kind === kind);
}

const ids = (res: { body: { items: Array<{ id: number }> } }) => res.body.items.map((r) => r.id).sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  // 王经理 heads 销售部: he hears of the reports of 华东组 and 华北组 below it.
  const sales = (await org.admin.get(`/api/v1/departments/${org.ids.sales}`)).body;
  expect((await org.admin.patch(`/api/v1/departments/${org.ids.sales}`, { managerId: org.ids.manager, version: sales.version })).status).toBe(200);
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '日报客户有限公司' }))).body.id;
}, 180_000);
afterAll(() => t.close());

describe('the draft', () => {
  it("is pre-filled from the author's day in the company's time zone, and the week from the week", async () => {
    const log = (body: Record<string, unknown>) => org.as.east1.post('/api/v1/follow-ups', { customerId, kind: 'call', ...body });
    // 01:30 today in Shanghai (still yesterday in UTC), now, and 23:00 yesterday in Shanghai.
    expect((await log({ content: '凌晨电话：客户确认预算', occurredAt: '2026-11-24T17:30:00Z' })).status).toBe(201);
    expect((await log({ kind: 'visit', content: '上门拜访，\n演示了新版系统。' })).status).toBe(201);
    expect((await log({ content: '昨晚的电话', occurredAt: '2026-11-24T15:00:00Z' })).status).toBe(201);
    // A colleague's call is not in my report.
    const colleagues = (await org.as.east2.post('/api/v1/customers', buildCustomer({ name: '同事的客户' }))).body.id;
    expect((await org.as.east2.post('/api/v1/follow-ups', { customerId: colleagues, kind: 'call', content: '同事的电话' })).status).toBe(201);
    const created = (await org.as.east1.post('/api/v1/opportunities', { name: '年度采购', customerId, amount: 50_000_00, expectedCloseDate: '2026-12-31' })).body;
    const pipelines = (await org.admin.get('/api/v1/pipelines')).body.items as Array<{ isDefault: boolean; stages: Array<{ id: number; key: string | null }> }>;
    const won = pipelines.find((p) => p.isDefault)?.stages.find((s) => s.key === 'won');
    const winner = (await org.as.east1.post('/api/v1/opportunities', { name: '小单', customerId, amount: 10_000_00, expectedCloseDate: '2026-12-31' })).body;
    expect((await org.as.east1.post(`/api/v1/opportunities/${winner.id}/move`, { stageId: won?.id, version: winner.version, wonAmount: 12_000_00 })).status).toBe(200);
    const task = (await org.as.east1.post('/api/v1/tasks', { title: '整理需求清单', dueOn: today })).body;
    expect((await org.as.east1.patch(`/api/v1/tasks/${task.id}`, { version: task.version, status: 'done' })).status).toBe(200);
    await org.as.east1.post('/api/v1/tasks', { title: '发送报价单', dueOn: '2026-11-26', customerId });
    await org.as.east1.post('/api/v1/tasks', { title: '下周的事', dueOn: '2026-12-01' });

    const res = await org.as.east1.get('/api/v1/work-reports/draft?kind=daily');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const draft = res.body;
    expect(draft).toMatchObject({ kind: 'daily', period: today, periodEnd: today, problems: '', existing: null });
    expect(draft.figures.followUps.count).toBe(2);
    expect(draft.figures.followUps.items.map((f: { excerpt: string; kind: string; customerName: string }) => [f.kind, f.customerName, f.excerpt])).toEqual([
      ['call', '日报客户有限公司', '凌晨电话：客户确认预算'],
      ['visit', '日报客户有限公司', '上门拜访， 演示了新版系统。'],
    ]);
    expect(draft.figures.newCustomers).toEqual({ count: 1, items: [{ id: customerId, name: '日报客户有限公司' }] });
    expect(draft.figures.dealsCreated).toMatchObject({ count: 2, amount: 60_000_00 });
    expect(draft.figures.dealsCreated.items.map((d: { id: number }) => d.id)).toEqual([created.id, winner.id]);
    expect(draft.figures.dealsWon).toEqual({ count: 1, amount: 12_000_00, items: [{ id: winner.id, name: '小单', customerName: '日报客户有限公司', amount: 12_000_00 }] });
    expect(draft.figures.tasksDone).toEqual({ count: 1, items: [{ id: task.id, title: '整理需求清单', customerName: null }] });
    expect(draft.figures.currency).toBe('CNY');
    expect(draft.summary.split('\n')).toEqual([
      'Follow-ups (2):',
      '1. [Call] 日报客户有限公司: 凌晨电话：客户确认预算',
      '2. [Visit] 日报客户有限公司: 上门拜访， 演示了新版系统。',
      'New customers: 1 (日报客户有限公司)',
      'New deals: 2, ¥60,000.00',
      'Deals won: 1, ¥12,000.00',
      'Tasks done: 1',
    ]);
    expect(draft.plan).toBe('1. 发送报价单 (日报客户有限公司)');

    // In Chinese, and for the whole week (yesterday's late call included; next week's task planned).
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    const week = (await zh.get('/api/v1/work-reports/draft?kind=weekly&date=2026-11-27')).body;
    expect(week).toMatchObject({ kind: 'weekly', period: '2026-11-23', periodEnd: '2026-11-29' });
    expect(week.figures.followUps.count).toBe(3);
    expect(week.summary.split('\n').slice(0, 2)).toEqual(['跟进客户 3 次：', '1. 【电话】日报客户有限公司：昨晚的电话']);
    expect(week.plan).toBe('1. 下周的事');

    // Yesterday alone: the late call only; nothing on a day without work.
    const yesterday = (await org.as.east1.get('/api/v1/work-reports/draft?date=2026-11-24')).body;
    expect(yesterday.figures.followUps.items.map((f: { excerpt: string }) => f.excerpt)).toEqual(['昨晚的电话']);
    expect((await org.as.east1.get('/api/v1/work-reports/draft?date=2026-11-01')).body).toMatchObject({ summary: '', figures: { followUps: { count: 0 }, dealsWon: { count: 0, amount: 0 } } });
  });

  it('refuses a day that has not begun and bad values; those without reports.create may not ask', async () => {
    const future = await org.as.east1.get('/api/v1/work-reports/draft?date=2026-11-26');
    expect(future.status).toBe(400);
    expect(errorPaths(future)).toEqual(['date']);
    // Next week has not begun; this week has.
    expect((await org.as.east1.get('/api/v1/work-reports/draft?kind=weekly&date=2026-11-30')).status).toBe(400);
    expect((await org.as.east1.get('/api/v1/work-reports/draft?kind=weekly&date=2026-11-29')).status).toBe(200);
    expect(errorPaths(await org.as.east1.get('/api/v1/work-reports/draft?kind=monthly'))).toEqual(['kind']);
    expect(errorPaths(await org.as.east1.get('/api/v1/work-reports/draft?date=2026-13-01'))).toEqual(['date']);
    expect((await org.as.reader.get('/api/v1/work-reports/draft')).status).toBe(403);
    expect((await org.as.eastLead.get('/api/v1/work-reports/draft')).status).toBe(403);
  });
});

describe('writing a report', () => {
  it('keeps the figures the server takes, one per period (409 with the one written), and tells the department manager', async () => {
    const draft = (await org.as.east1.get('/api/v1/work-reports/draft')).body;
    const report = await submit(org.as.east1, { summary: draft.summary, plan: draft.plan, problems: '需要技术支持' });
    expect(report).toMatchObject({ kind: 'daily', period: today, periodEnd: today, authorId: org.ids.east1, authorName: '张伟', problems: '需要技术支持', comments: [], readers: [], can: { edit: true, delete: true, comment: true } });
    expect(report.figures).toEqual(draft.figures);
    expect((await org.as.east1.get('/api/v1/work-reports/draft')).body.existing).toEqual({ id: report.id, version: 1 });

    const again = await org.as.east1.post('/api/v1/work-reports', { kind: 'daily', date: today, summary: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', current: { id: report.id } });
    // A weekly report of the same days is another report.
    const weekly = await submit(org.as.east1, { kind: 'weekly', date: '2026-11-24', summary: '本周总结' });
    expect(weekly).toMatchObject({ period: '2026-11-23', periodEnd: '2026-11-29' });

    const told = await notices(org.as.manager, 'report_submitted');
    expect(told.map((n) => n.entityId)).toEqual([weekly.id, report.id]);
    expect(told[0]).toMatchObject({ entityType: 'work_report', message: '张伟 submitted a weekly report (2026-11-23 ~ 2026-11-29).' });
    const zh = await t.login('manager@example.com', password, 'zh-CN');
    expect((await notices(zh, 'report_submitted'))[1]?.message).toBe('张伟 提交了日报（2026-11-25）。');
    // Nobody else is told; the manager's own report has no one above him to tell.
    expect(await notices(org.as.east2, 'report_submitted')).toEqual([]);
    await submit(org.as.manager, { summary: '经理日报' });
    expect(await notices(org.as.manager, 'report_submitted')).toHaveLength(2);
    expect(await notices(org.admin, 'report_submitted')).toEqual([]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = (await org.as.east2.get('/api/v1/work-reports?pageSize=200')).body.total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'daily', summary: '' }, 'summary'],
      [{ kind: 'daily', summary: '   ' }, 'summary'],
      [{ kind: 'yearly', summary: 'x' }, 'kind'],
      [{ kind: 'daily', summary: 'x', date: '2026-11-26' }, 'date'],
      [{ kind: 'daily', summary: 'x', date: '1999-12-31' }, 'date'],
      [{ kind: 'daily', summary: 'x', plan: 'p'.repeat(4001) }, 'plan'],
      [{ summary: 'x' }, 'kind'],
    ];
    for (const [body, path] of cases) {
      const res = await org.as.east2.post('/api/v1/work-reports', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    const zh = await t.login('east2@example.com', password, 'zh-CN');
    const future = await zh.post('/api/v1/work-reports', { kind: 'daily', summary: 'x', date: '2026-12-01' });
    expect(future.body.error.details[0].message).toBe('不能为尚未开始的日期写报告。');
    expect((await org.as.east2.get('/api/v1/work-reports?pageSize=200')).body.total).toBe(before);
    expect((await org.as.agent.post('/api/v1/work-reports', { kind: 'daily', summary: 'x' })).status).toBe(403);
  });
});

describe('who reads, changes and comments', () => {
  let reportsOf: Record<'east1' | 'east2' | 'north1' | 'manager', number>;

  beforeAll(async () => {
    // A day of their own for each, so that the lists below are exact.
    const day = '2026-11-20';
    reportsOf = {
      east1: (await submit(org.as.east1, { date: day })).id,
      east2: (await submit(org.as.east2, { date: day })).id,
      north1: (await submit(org.as.north1, { date: day })).id,
      manager: (await submit(org.as.manager, { date: day })).id,
    };
  });

  it('lists and reads exactly the authors in the data scope', async () => {
    const seen = async (agent: Agent) => ids(await agent.get('/api/v1/work-reports?from=2026-11-20&to=2026-11-20&kind=daily'));
    const all = Object.values(reportsOf).sort((a, b) => a - b);
    expect(await seen(org.admin)).toEqual(all);
    expect(await seen(org.as.manager)).toEqual(all);
    expect(await seen(org.as.east1)).toEqual([reportsOf.east1]);
    expect(await seen(org.as.east2)).toEqual([reportsOf.east2]);
    expect(await seen(org.as.north1)).toEqual([reportsOf.north1]);
    for (const who of ['eastLead', 'agent', 'marketer', 'reader'] as const) expect((await org.as[who].get('/api/v1/work-reports')).status).toBe(403);
    // Another author's id reveals nothing outside the scope; out of scope is a 404.
    expect((await org.as.east1.get(`/api/v1/work-reports?authorId=${org.ids.north1}`)).body.total).toBe(0);
    expect((await org.as.manager.get(`/api/v1/work-reports?authorId=${org.ids.north1}&from=2026-11-20&to=2026-11-20`)).body.total).toBe(1);
    expect((await org.as.east1.get(`/api/v1/work-reports/${reportsOf.north1}`)).status).toBe(404);
    expect((await org.as.north1.get(`/api/v1/work-reports/${reportsOf.north1}`)).status).toBe(200);
    expect((await org.as.eastLead.get(`/api/v1/work-reports/${reportsOf.east1}`)).status).toBe(403);
  });

  it('a weekly report is found by any day of its week; the list shows totals and whether I read it', async () => {
    const week = await org.as.east1.get('/api/v1/work-reports?kind=weekly&from=2026-11-27&to=2026-11-27');
    expect(week.body.items).toHaveLength(1);
    expect(week.body.items[0]).toMatchObject({ period: '2026-11-23', periodEnd: '2026-11-29', summaryExcerpt: '本周总结', readByMe: true });
    const daily = (await org.as.manager.get(`/api/v1/work-reports?authorId=${org.ids.east1}&kind=daily&from=${today}`)).body.items;
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ readByMe: false, commentCount: 0, totals: { followUps: 2, newCustomers: 1, dealsCreated: 2, dealsWon: 1, wonAmount: 12_000_00, tasksDone: 1, currency: 'CNY' }, can: { edit: false, delete: false, comment: true } });
    expect(daily[0].summaryExcerpt).toMatch(/^Follow-ups \(2\): 1\. \[Call\]/);
  });

  it('only the author changes or deletes; a stale version is a 409; the figures can be taken again', async () => {
    const id = reportsOf.east1;
    expect((await org.as.manager.patch(`/api/v1/work-reports/${id}`, { version: 1, summary: '经理改' })).status).toBe(403);
    expect((await org.as.north1.patch(`/api/v1/work-reports/${id}`, { version: 1, summary: '越权' })).status).toBe(404);
    expect((await org.as.manager.delete(`/api/v1/work-reports/${id}`)).status).toBe(403);
    expect((await org.as.north1.delete(`/api/v1/work-reports/${id}`)).status).toBe(404);
    const changed = await org.as.east1.patch(`/api/v1/work-reports/${id}`, { version: 1, plan: '明天拜访客户', problems: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, summary: '今天的工作', plan: '明天拜访客户', problems: null });
    const stale = await org.as.east1.patch(`/api/v1/work-reports/${id}`, { version: 1, summary: '旧' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id, version: 2, plan: '明天拜访客户' });
    expect(errorPaths(await org.as.east1.patch(`/api/v1/work-reports/${id}`, { version: 2, summary: '' }))).toEqual(['summary']);
    expect(changed.body.figures.followUps.count).toBe(0);
    await org.as.east1.post('/api/v1/follow-ups', { customerId, kind: 'note', content: '补记 20 日的电话', occurredAt: '2026-11-20T02:00:00Z' });
    const refreshed = await org.as.east1.patch(`/api/v1/work-reports/${id}`, { version: 2, refreshFigures: true });
    expect(refreshed.body.figures.followUps.items.map((f: { excerpt: string }) => f.excerpt)).toEqual(['补记 20 日的电话']);
    expect(refreshed.body.summary).toBe('今天的工作');
  });

  it('comments: whoever may read comments, the author is told, readers leave a receipt; a deleted report takes its comments', async () => {
    const id = reportsOf.east1;
    const comment = await org.as.manager.post(`/api/v1/work-reports/${id}/comments`, { content: '拜访后记得\n发送报价。' });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    expect(comment.body).toMatchObject({ authorId: org.ids.manager, authorName: '王经理', content: '拜访后记得\n发送报价。' });
    expect((await org.as.north1.post(`/api/v1/work-reports/${id}/comments`, { content: '看不到' })).status).toBe(404);
    expect((await org.as.reader.post(`/api/v1/work-reports/${id}/comments`, { content: '无权' })).status).toBe(403);
    expect(errorPaths(await org.as.manager.post(`/api/v1/work-reports/${id}/comments`, { content: ' ' }))).toEqual(['content']);
    const reply = await org.as.east1.post(`/api/v1/work-reports/${id}/comments`, { content: '收到' });
    expect(reply.status).toBe(201);

    const told = await notices(org.as.east1, 'report_comment');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ entityType: 'work_report', entityId: id, message: '王经理 commented on your daily report (2026-11-20): 拜访后记得 发送报价。' });
    expect(await notices(org.as.manager, 'report_comment')).toEqual([]);

    const read = (await org.as.east1.get(`/api/v1/work-reports/${id}`)).body;
    expect(read.comments.map((c: { content: string }) => c.content)).toEqual(['拜访后记得\n发送报价。', '收到']);
    expect(read.readers.map((r: { userId: number; userName: string }) => [r.userId, r.userName])).toEqual([[org.ids.manager, '王经理']]);
    // The administrator opens it too: a second receipt, once however often.
    await org.admin.get(`/api/v1/work-reports/${id}`);
    await org.admin.get(`/api/v1/work-reports/${id}`);
    expect((await org.as.east1.get(`/api/v1/work-reports/${id}`)).body.readers.map((r: { userId: number }) => r.userId)).toHaveLength(2);
    expect((await org.as.manager.get(`/api/v1/work-reports?authorId=${org.ids.east1}&from=2026-11-20&to=2026-11-20`)).body.items[0]).toMatchObject({ readByMe: true, commentCount: 2 });

    expect((await org.as.east1.delete(`/api/v1/work-reports/${id}`)).status).toBe(204);
    expect((await org.as.east1.get(`/api/v1/work-reports/${id}`)).status).toBe(404);
    expect((await org.as.manager.post(`/api/v1/work-reports/${id}/comments`, { content: '晚了' })).status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/work-reports/${id}`)).status).toBe(404);
    // The day is free again.
    expect((await org.as.east1.post('/api/v1/work-reports', { kind: 'daily', date: '2026-11-20', summary: '重写' })).status).toBe(201);
  });
});

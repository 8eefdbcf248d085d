import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Work reports under parallel requests (PostgreSQL runs them at once): the unique period holds. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('parallel work reports', () => {
  it('six submissions of one day at once: one report, five 409s naming it', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => admin.post('/api/v1/work-reports', { kind: 'daily', date: '2026-01-05', summary: `并发日报 ${n}` })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const created = answers.find((r) => r.status === 201)?.body;
    for (const refused of answers.filter((r) => r.status === 409)) expect(refused.body.error.current.id).toBe(created.id);
    const list = (await admin.get('/api/v1/work-reports?from=2026-01-05&to=2026-01-05')).body;
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([created.id]);
  });

  it('four edits of one version at once: one is taken', async () => {
    const report = (await admin.post('/api/v1/work-reports', { kind: 'weekly', date: '2026-01-07', summary: '周报' })).body;
    const answers = await Promise.all([1, 2, 3, 4].map((n) => admin.patch(`/api/v1/work-reports/${report.id}`, { version: report.version, summary: `改 ${n}` })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.find((r) => r.status === 200)?.body.summary;
    expect((await admin.get(`/api/v1/work-reports/${report.id}`)).body).toMatchObject({ version: 2, summary: winner });
  });

  it('comments and a delete at once: the report goes with every comment it took', async () => {
    const report = (await admin.post('/api/v1/work-reports', { kind: 'daily', date: '2026-01-08', summary: '将删除' })).body;
    const answers = await Promise.all([
      ...[1, 2, 3].map((n) => admin.post(`/api/v1/work-reports/${report.id}/comments`, { content: `评论 ${n}` })),
      admin.delete(`/api/v1/work-reports/${report.id}`),
    ]);
    expect(answers.every((r) => [201, 204, 404].includes(r.status))).toBe(true);
    expect(answers[3]?.status).toBe(204);
    const left = await t.ctx.db.selectFrom('work_report_comments').select('id').where('report_id', '=', report.id).execute();
    expect(left).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { TestClock, createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { stageTimeline, type StageFigures, type StageTimeline } from '../../test/stage-timeline.js';

/**
 * The stage conversion report over HTTP on a real database: deals moved through the default
 * pipeline at known hours, then what each role sees, the filters and the refusals.
 *
 * Timeline (clock starts 2026-11-22T08:00Z; every move is as the admin): deals A to E of
 * test/stage-timeline.ts (A won on 2026-11-24), then
 * - F (east1): explore, then deleted (counts nowhere)
 * - G (east1, second pipeline): first stage 5 h -> won, skipping the second stage
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let adminId: number;
let deal: StageTimeline['deal'];
let move: StageTimeline['move'];
let second: { id: number; stages: Array<{ id: number; kind: string; nameEn: string }> };

interface Row extends StageFigures {
  stage: { id: number; key: string | null; kind: string; nameEn: string };
}
interface Report { pipelineId: number; from: string; to: string; stages: Row[] }

async function report(agent: Agent, query = ''): Promise<Report> {
  const res = await agent.get(`/api/v1/opportunities/stage-stats${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The figures per stage key, leaving out the stages nobody entered. */
function figures(r: Report): Record<string, Omit<Row, 'stage'>> {
  return Object.fromEntries(r.stages.filter((s) => s.entered > 0).map(({ stage, ...rest }) => [stage.key ?? stage.nameEn, rest]));
}

const row = (entered: number, advanced: number, lost: number, stillThere: number, conversion: number, ended: number, avgHours: number, medianHours: number) => ({
  entered, advanced, lost, stillThere, conversion, ended, avgHours, medianHours,
});

beforeAll(async () => {
  // Sessions outlive the hours the clock moves on.
  t = await createTestApp({ clock, env: { CRM_SESSION_TTL_MINUTES: String(60 * 24 * 30) } });
  org = await createOrg(t);
  ({ adminId, deal, move } = await stageTimeline(org, clock, '阶段统计'));

  const f = await deal(org.ids.east1);
  expect((await org.admin.delete(`/api/v1/opportunities/${f.id}`)).status).toBe(204);

  const created = await org.admin.post('/api/v1/pipelines', {
    name: '续约流程',
    stages: [
      { nameZh: '询价', nameEn: 'Inquiry', probability: 20 },
      { nameZh: '报价', nameEn: 'Quote', probability: 60 },
      { nameZh: '赢单', nameEn: 'Won', probability: 100, kind: 'won' },
      { nameZh: '输单', nameEn: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  expect(created.status).toBe(201);
  second = created.body;
  const first = second.stages[0]?.id;
  const won = second.stages.find((s) => s.kind === 'won')?.id;
  const g = await deal(org.ids.east1, { pipelineId: second.id, stageId: first });
  await move(g, 5, won, { wonAmount: 1_00 });
}, 120_000);
afterAll(() => t.close());

describe('figures', () => {
  it('entered, advanced, lost, still there, conversion and hours per stage, in funnel order', async () => {
    const r = await report(org.admin);
    // The clock stands at 2026-11-25T10:00Z: the 12 months up to today.
    expect(r).toMatchObject({ from: '2025-11-26', to: '2026-11-25' });
    expect(r.stages.map((s) => s.stage.key)).toEqual(['explore', 'contact', 'prepare', 'approach', 'needs', 'presentation', 'objections', 'agreement', 'after_care', 'won']);
    expect(figures(r)).toEqual({
      // A, B, D went on (D counts once, though it entered twice); C and E sit there; F is deleted.
      // Stays that ended: 10, 4 and 2 hours (D's second stay goes on).
      explore: row(5, 3, 0, 2, 60, 3, 5, 4),
      // A went on, B was lost, D went back; stays of 20, 6 and 2 hours.
      contact: row(3, 1, 1, 0, 33.3, 3, 9, 6),
      prepare: row(1, 1, 0, 0, 100, 1, 30, 30),
      won: row(1, 0, 0, 1, 0, 0, 0, 0),
    });
    expect(r.stages.find((s) => s.stage.key === 'needs')).toMatchObject(row(0, 0, 0, 0, 0, 0, 0, 0));
  });

  it('another pipeline: its own stages; skipping a stage to won counts as advancing', async () => {
    const r = await report(org.admin, `?pipelineId=${second.id}`);
    expect(r.pipelineId).toBe(second.id);
    expect(r.stages.map((s) => s.stage.nameEn)).toEqual(['Inquiry', 'Quote', 'Won']);
    expect(figures(r)).toEqual({ Inquiry: row(1, 1, 0, 0, 100, 1, 5, 5), Won: row(1, 0, 0, 1, 0, 0, 0, 0) });
  });

  it('a deal won, reopened and lost counts as lost at the won stage', async () => {
    const r1 = await report(org.admin, `?pipelineId=${second.id}`);
    const g = (await org.admin.get(`/api/v1/opportunities?pipelineId=${second.id}`)).body.items[0] as { id: number; version: number };
    const reopened = await move(g, 1, second.stages[1]?.id);
    const lost = await move(reopened, 3, second.stages.find((s) => s.kind === 'lost')?.id, { lostReason: 'timing' });
    const r2 = await report(org.admin, `?pipelineId=${second.id}`);
    expect(figures(r2)).toEqual({
      Inquiry: row(1, 1, 0, 0, 100, 1, 5, 5),
      // Reopened into Quote, then lost there after 3 hours.
      Quote: row(1, 0, 1, 0, 0, 1, 3, 3),
      // The won stay ended after an hour.
      Won: row(1, 0, 1, 0, 0, 1, 1, 1),
    });
    expect(r1).not.toEqual(r2);
    expect(lost.id).toBe(g.id);
  });
});

describe('data scope', () => {
  it('a salesperson sees only their own deals in the figures', async () => {
    expect(figures(await report(org.as.east1))).toEqual({
      explore: row(2, 2, 0, 0, 100, 2, 7, 7),
      contact: row(2, 1, 1, 0, 50, 2, 13, 13),
      prepare: row(1, 1, 0, 0, 100, 1, 30, 30),
      won: row(1, 0, 0, 1, 0, 0, 0, 0),
    });
    expect(figures(await report(org.as.north1))).toEqual({
      explore: row(1, 1, 0, 0, 100, 1, 2, 2),
      contact: row(1, 0, 0, 0, 0, 1, 2, 2),
    });
    expect(figures(await report(org.as.east2))).toEqual({ explore: row(1, 0, 0, 1, 0, 0, 0, 0) });
  });

  it("the manager sees their department's deals (not the admin's)", async () => {
    expect(figures(await report(org.as.manager))).toEqual({
      explore: row(4, 3, 0, 1, 75, 3, 5, 4),
      contact: row(3, 1, 1, 0, 33.3, 3, 9, 6),
      prepare: row(1, 1, 0, 0, 100, 1, 30, 30),
      won: row(1, 0, 0, 1, 0, 0, 0, 0),
    });
  });

  it('a filter cannot widen the scope', async () => {
    expect(figures(await report(org.as.east2, `?ownerId=${org.ids.east1}`))).toEqual({});
    expect(figures(await report(org.as.manager, `?ownerId=${adminId}`))).toEqual({});
  });
});

describe('filters', () => {
  it('by owner and by department (with the departments below it)', async () => {
    expect(figures(await report(org.admin, `?ownerId=${org.ids.east2}`))).toEqual({ explore: row(1, 0, 0, 1, 0, 0, 0, 0) });
    const east = figures(await report(org.admin, `?departmentId=${org.ids.east}`));
    expect(east.explore).toEqual(row(3, 2, 0, 1, 66.7, 2, 7, 7));
    expect(figures(await report(org.admin, `?departmentId=${org.ids.sales}`)).explore).toEqual(row(4, 3, 0, 1, 75, 3, 5, 4));
    expect(figures(await report(org.admin, `?departmentId=${org.ids.service}`))).toEqual({});
  });

  it('by the day a stage was entered, both days included', async () => {
    // On the 23rd and 24th: A entered prepare (23rd 14:00) and won (24th 20:00), B was created (24th 20:00).
    const r = await report(org.admin, '?from=2026-11-23&to=2026-11-24');
    expect(r).toMatchObject({ from: '2026-11-23', to: '2026-11-24' });
    expect(figures(r)).toEqual({ explore: row(1, 1, 0, 0, 100, 1, 4, 4), prepare: row(1, 1, 0, 0, 100, 1, 30, 30), won: row(1, 0, 0, 1, 0, 0, 0, 0) });
    expect(figures(await report(org.admin, '?to=2026-11-21'))).toEqual({});
    // Only `to`: the 12 months up to it.
    expect(await report(org.admin, '?to=2026-03-01')).toMatchObject({ from: '2025-03-02', to: '2026-03-01' });
    // The 22nd: A's first two stages only.
    expect(figures(await report(org.admin, '?from=2026-11-22&to=2026-11-22'))).toEqual({ explore: row(1, 1, 0, 0, 100, 1, 10, 10), contact: row(1, 1, 0, 0, 100, 1, 20, 20) });
  });
});

describe('refusals', () => {
  it('bad queries are a field-level 400, never 500', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-12-01&to=2026-11-01', 'from'],
      ['?from=yesterday', 'from'],
      ['?to=2026-13-01', 'to'],
      ['?pipelineId=999999', 'pipelineId'],
      ['?pipelineId=abc', 'pipelineId'],
      ['?pipelineId=99999999999', 'pipelineId'],
      ['?ownerId=-1', 'ownerId'],
      ['?departmentId=0', 'departmentId'],
      ['?groupBy=owner', 'groupBy'],
    ];
    for (const [query, path] of cases) {
      const res = await org.admin.get(`/api/v1/opportunities/stage-stats${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
    const zh = await t.login(undefined, undefined, 'zh-CN');
    const range = await zh.get('/api/v1/opportunities/stage-stats?from=2026-12-01&to=2026-11-01');
    expect(range.body.error.details).toEqual([{ path: 'from', message: '开始日期不能晚于结束日期。' }]);
    expect((await org.admin.get('/api/v1/opportunities/stage-stats?departmentId=999999')).status).toBe(200);
  });

  it('without opportunities.view: 403; signed out: 401', async () => {
    const res = await org.as.eastLead.get('/api/v1/opportunities/stage-stats');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await t.anonymous().get('/api/v1/opportunities/stage-stats')).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { TestClock, createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { download, readTable, xlsxSheet } from '../../test/imports.js';
import { stageTimeline, type StageFigures } from '../../test/stage-timeline.js';

/**
 * The stage conversion report as a spreadsheet: each role's file holds exactly the rows of its
 * JSON report (same filters, same data scope), headers in the caller's language.
 *
 * Timeline: test/stage-timeline.ts (deals A to E; the clock starts 2026-11-22T08:00Z). The clock ends at 2026-11-25T10:00Z (18:00 in Shanghai, the company's day 2026-11-25).
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));

interface Row extends StageFigures {
  stage: { nameZh: string; nameEn: string; key: string | null };
}

const zhHeader = ['阶段', '进入', '推进', '在此输单', '仍在此阶段', '转化率（%）', '已结束的停留', '平均停留（小时）', '停留中位数（小时）'];
const enHeader = ['Stage', 'Entered', 'Went further', 'Lost here', 'Still there', 'Conversion (%)', 'Stays that ended', 'Average time (hours)', 'Median time (hours)'];

async function report(agent: Agent, query: string): Promise<Row[]> {
  const res = await agent.get(`/api/v1/opportunities/stage-stats${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.stages;
}

/** The JSON report's rows as the sheet should hold them. */
const asSheet = (rows: Row[], lang: string) =>
  rows.map((r) => [lang === 'en' ? r.stage.nameEn : r.stage.nameZh, r.entered, r.advanced, r.lost, r.stillThere, r.conversion, r.ended, r.avgHours, r.medianHours]);

const sheetOf = (agent: Agent, query: string, lang = 'zh-CN') => xlsxSheet(t, agent, `/api/v1/opportunities/stage-stats/export${query}`, '20261125', { lang });

/** The file and the JSON report, for one caller and query: the file's rows must be the report's. */
async function same(agent: Agent, query: string, lang = 'zh-CN') {
  const stages = await report(agent, query);
  const { rows, sheet } = await sheetOf(agent, query, lang);
  expect(rows[0]).toEqual(lang === 'en' ? enHeader : zhHeader);
  expect(rows.slice(1)).toEqual(asSheet(stages, lang));
  return { stages, rows, sheet };
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { CRM_SESSION_TTL_MINUTES: String(60 * 24 * 30) } });
  org = await createOrg(t);
  await stageTimeline(org, clock, '阶段导出');
}, 120_000);
afterAll(() => t.close());

describe('stage conversion export', () => {
  it("the administrator's file: one row per stage in pipeline order, the report's figures", async () => {
    const { rows, stages } = await same(org.admin, '');
    expect(rows).toHaveLength(11);
    expect(stages.map((s) => s.stage.key)).toEqual(['explore', 'contact', 'prepare', 'approach', 'needs', 'presentation', 'objections', 'agreement', 'after_care', 'won']);
    expect(rows[1]?.slice(1)).toEqual([5, 3, 0, 2, 60, 3, 5, 4]);
    expect(rows[2]?.slice(1)).toEqual([3, 1, 1, 0, 33.3, 3, 9, 6]);
  });

  it("a manager's file (in English) and a salesperson's: their data scope only", async () => {
    const manager = await same(org.as.manager, '', 'en');
    expect(manager.sheet.name).toBe('Stage conversion');
    expect(manager.rows[1]?.slice(1)).toEqual([4, 3, 0, 1, 75, 3, 5, 4]);

    // east1 owns A and B only: exactly their figures.
    const east1 = await same(org.as.east1, '');
    const byStage = Object.fromEntries(east1.stages.filter((s) => s.entered > 0).map((s) => [s.stage.key, asSheet([s], 'zh-CN')[0]?.slice(1)]));
    expect(byStage).toEqual({
      explore: [2, 2, 0, 0, 100, 2, 7, 7],
      contact: [2, 1, 1, 0, 50, 2, 13, 13],
      prepare: [1, 1, 0, 0, 100, 1, 30, 30],
      won: [1, 0, 0, 1, 0, 0, 0, 0],
    });
    // A filter cannot widen the scope.
    const widened = await same(org.as.east2, `?ownerId=${org.ids.east1}`);
    expect(widened.rows.slice(1).every((r) => r[1] === 0)).toBe(true);
  });

  it('with a date range, a department filter and an owner filter', async () => {
    const range = await same(org.admin, '?from=2026-11-23&to=2026-11-24');
    expect(range.rows[1]?.slice(1)).toEqual([1, 1, 0, 0, 100, 1, 4, 4]);
    const east = await same(org.admin, `?departmentId=${org.ids.east}`);
    expect(east.rows[1]?.slice(1)).toEqual([3, 2, 0, 1, 66.7, 2, 7, 7]);
    const managerEast = await same(org.as.manager, `?departmentId=${org.ids.east}&from=2026-11-22&to=2026-11-22`, 'en');
    expect(managerEast.rows[1]?.slice(1)).toEqual([1, 1, 0, 0, 100, 1, 10, 10]);
    await same(org.admin, `?ownerId=${org.ids.north1}`);
  });

  it('as CSV: the same rows', async () => {
    const stages = await report(org.as.manager, `?departmentId=${org.ids.sales}`);
    const res = await download(t, org.as.manager, `/api/v1/opportunities/stage-stats/export?format=csv&departmentId=${org.ids.sales}`, 'en');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain('20261125.csv');
    expect(await readTable(res.bytes)).toEqual([enHeader, ...asSheet(stages, 'en').map((r) => r.map(String))]);
  });

  it('each download is in the export log with its filters and row count', async () => {
    const log = (await org.admin.get('/api/v1/exports?entity=analytics&pageSize=100')).body;
    const entries = (log.items as Array<{ userId: number; filter: Record<string, unknown>; format: string; rowCount: number; finishedAt: string | null; columns: string[] }>).filter(
      (e) => e.filter.chart === 'stage-stats',
    );
    expect(entries.length).toBeGreaterThanOrEqual(9);
    const csv = entries.find((e) => e.format === 'csv');
    expect(csv).toMatchObject({ rowCount: 10, columns: enHeader, filter: { chart: 'stage-stats', departmentId: org.ids.sales, from: '2025-11-26', to: '2026-11-25' } });
    expect(csv?.finishedAt).not.toBeNull();
  });

  it('refusals: no opportunities.view is 403, signed out 401, bad queries 400', async () => {
    const forbidden = await download(t, org.as.eastLead, '/api/v1/opportunities/stage-stats/export');
    expect(forbidden.status).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    expect((await download(t, t.anonymous(), '/api/v1/opportunities/stage-stats/export')).status).toBe(401);
    for (const [query, path] of [['?format=pdf', 'format'], ['?from=2026-12-01&to=2026-11-01', 'from'], ['?pipelineId=999999', 'pipelineId'], ['?groupBy=owner', 'groupBy']] as const) {
      const res = await org.admin.get(`/api/v1/opportunities/stage-stats/export${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkReport, WorkReportComment } from '@crm/contracts';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type TestApp } from '../../test/harness.js';

/**
 * Comments on work reports are their author's to edit and delete: another reader of the report
 * gets a 403, someone who cannot read the report a 404; an edit checks the version (409 with the
 * comment as it is), keeps the comment's place and marks it edited (updatedAt). Both engines.
 */
const clock = new TestClock(new Date('2026-11-25T08:00:00Z'));
let t: TestApp;
let org: Org;
let reportId: number;

const url = (commentId: number, report = reportId) => `/api/v1/work-reports/${report}/comments/${commentId}`;
const commentsOf = async (): Promise<WorkReportComment[]> => ((await org.as.east1.get(`/api/v1/work-reports/${reportId}`)).body as WorkReport).comments;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const res = await org.as.east1.post('/api/v1/work-reports', { kind: 'daily', summary: '今天拜访了两个客户' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  reportId = res.body.id;
}, 180_000);
afterAll(() => t.close());

describe('editing and deleting report comments', () => {
  it('the author edits their comment: version checked, marked edited; others get 403, outsiders 404; bad input changes nothing', async () => {
    const created = await org.as.manager.post(`/api/v1/work-reports/${reportId}/comments`, { content: '记得发报价' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, updatedAt: null, can: { edit: true, delete: true } });
    const id = created.body.id as number;
    // The report's author sees it without the right to change it.
    expect((await commentsOf()).find((c) => c.id === id)).toMatchObject({ can: { edit: false, delete: false }, updatedAt: null });

    clock.advance(5 * 60_000);
    const edited = await org.as.manager.patch(url(id), { content: '记得周五前发报价', version: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ id, content: '记得周五前发报价', version: 2, createdAt: created.body.createdAt, updatedAt: '2026-11-25T08:05:00.000Z' });
    expect((await commentsOf()).find((c) => c.id === id)).toMatchObject({ content: '记得周五前发报价', updatedAt: '2026-11-25T08:05:00.000Z' });

    // Stale: 409 with the comment as it is; nothing changes.
    const stale = await org.as.manager.patch(url(id), { content: '旧版本上的修改', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ content: '记得周五前发报价', version: 2 });
    // The report's author reads it but may not change it: 403 (in the caller's language); someone who cannot read the report: 404.
    const theirs = await org.as.east1.patch(url(id), { content: '改别人的评论', version: 2 });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.message).toBe('Only its author may change or delete a comment.');
    expect((await org.as.north1.patch(url(id), { content: '看不到', version: 2 })).status).toBe(404);
    expect((await org.as.north1.delete(url(id))).status).toBe(404);
    expect((await org.as.east1.delete(url(id))).status).toBe(403);
    // A comment id under another report, or none at all: 404.
    expect((await org.as.manager.patch(url(999_999), { content: 'x', version: 2 })).status).toBe(404);
    expect(errorPaths(await org.as.manager.patch(url(id), { content: '  ', version: 2 }))).toEqual(['content']);
    expect(errorPaths(await org.as.manager.patch(url(id), { content: 'x' }))).toEqual(['version']);
    expect((await org.as.manager.patch(`/api/v1/work-reports/${reportId}/comments/abc`, { content: 'x', version: 2 })).status).toBe(400);
    expect((await commentsOf()).find((c) => c.id === id)).toMatchObject({ content: '记得周五前发报价', version: 2 });
  });

  it('the author deletes their comment; it is gone from the report and its count, once', async () => {
    const mine = (await org.as.east1.post(`/api/v1/work-reports/${reportId}/comments`, { content: '收到，已安排' })).body as WorkReportComment;
    const before = (await commentsOf()).length;
    expect((await org.as.manager.delete(url(mine.id))).status).toBe(403);
    expect((await org.as.east1.delete(url(mine.id))).status).toBe(204);
    expect((await org.as.east1.delete(url(mine.id))).status).toBe(404);
    const after = await commentsOf();
    expect(after).toHaveLength(before - 1);
    expect(after.map((c) => c.id)).not.toContain(mine.id);
    const listed = (await org.as.manager.get('/api/v1/work-reports?pageSize=50')).body.items.find((r: { id: number }) => r.id === reportId);
    expect(listed.commentCount).toBe(after.length);
  });

  it('two edits of the same version at once: exactly one wins', async () => {
    const c = (await org.as.manager.post(`/api/v1/work-reports/${reportId}/comments`, { content: '并发' })).body as WorkReportComment;
    const results = await Promise.all(['甲', '乙', '丙'].map((content) => org.as.manager.patch(url(c.id), { content, version: 1 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)?.body.content;
    expect((await commentsOf()).find((x) => x.id === c.id)).toMatchObject({ content: winner, version: 2 });
  });
});

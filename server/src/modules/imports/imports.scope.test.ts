import type { ImportJob, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { download, readTable, runImport, upload } from '../../test/imports.js';

/**
 * Import jobs hold file rows: a job is seen by its creator and by reviewers whose data scope is
 * everything; its report shows a row's data only to a reader who may read the row's record.
 */
let t: TestApp;
let org: Org;
let reviewer: Agent; // settings.view with the data scope all

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const role = await org.admin.post('/api/v1/roles', { key: 'auditor', name: '审计', dataScope: 'all', permissions: ['customers.view', 'settings.view'] });
  await org.admin.post('/api/v1/users', { email: 'auditor@example.com', name: '审计员', password, roleId: role.body.id });
  reviewer = await t.login('auditor@example.com', password);
}, 120_000);
afterAll(() => t.close());

describe('import jobs and the data scope', () => {
  it('a job of somebody else is unknown to a manager whose scope is not everything', async () => {
    const job = await runImport(t, org.admin, 'customers', 'admin.csv', '客户名称,手机\n总部机密客户有限公司,13911112222\n', { duplicateMode: 'create' });
    expect(job.created).toBe(1);
    expect((await org.as.manager.get(`/api/v1/imports/${job.id}`)).status).toBe(404);
    expect((await download(t, org.as.manager, `/api/v1/imports/${job.id}/report`)).status).toBe(404);
    expect((await org.as.manager.post(`/api/v1/imports/${job.id}/cancel`)).status).toBe(404);
    const listed = await org.as.manager.get<ListResponse<ImportJob>>('/api/v1/imports?pageSize=200');
    expect(listed.body.items.map((j) => j.id)).not.toContain(job.id);
    expect(JSON.stringify(listed.body)).not.toContain('总部机密');
    // A reviewer of every record reads it.
    const seen = await reviewer.get<ImportJob>(`/api/v1/imports/${job.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.sampleRows.flat()).toContain('总部机密客户有限公司');
    expect((await reviewer.get<ListResponse<ImportJob>>('/api/v1/imports?pageSize=200')).body.items.map((j) => j.id)).toContain(job.id);
  });

  it('a report says a row exists, without its data, when its record left the reader\'s scope', async () => {
    const csv = '客户名称,手机,负责人\n华东留下有限公司,13922223333,张伟\n华东转走有限公司,13933334444,张伟\n';
    const job = await runImport(t, org.as.manager, 'customers', 'east.csv', csv, { duplicateMode: 'create' });
    expect(job.created).toBe(2);
    const [moved] = (await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('华东转走')}`)).body.items;
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [moved.id], ownerId: org.ids.agent })).status).toBe(200);

    const rows = await readTable((await download(t, org.as.manager, `/api/v1/imports/${job.id}/report`)).bytes);
    expect(rows).toHaveLength(3);
    const [kept, hidden] = [rows[1] ?? [], rows[2] ?? []];
    expect(kept.slice(0, 4)).toEqual(['1', '华东留下有限公司', '="13922223333"', '张伟']); // digits kept as text
    expect(kept.at(-1)).toMatch(/^KH\d{8}$/);
    expect(hidden).toEqual(['2', '', '', '', '新建', '记录已存在，不在您的数据范围内。', '']);
    expect(rows.flat().join()).not.toMatch(/华东转走|13933334444/);
    expect(rows.flat()).not.toContain(moved.archiveNo);
    // Readers of every record see the whole report.
    const all = await readTable((await download(t, org.admin, `/api/v1/imports/${job.id}/report`)).bytes);
    expect(all[2]?.slice(0, 4)).toEqual(['2', '华东转走有限公司', '="13933334444"', '张伟']);
    expect(all[2]?.at(-1)).toBe(moved.archiveNo);
  });

  it('the value step and the preview stay with the creator', async () => {
    const up = await upload(t, org.admin, 'customers', 'values.csv', '客户名称,客户类型\n甲有限公司,企业客户\n');
    expect((await org.as.manager.post(`/api/v1/imports/${up.body.id}/values`, { mapping: { '0': 'name', '1': 'category' } })).status).toBe(404);
    expect((await reviewer.post(`/api/v1/imports/${up.body.id}/preview`, { mapping: { '0': 'name' }, duplicateMode: 'skip' })).status).toBe(404);
  });
});

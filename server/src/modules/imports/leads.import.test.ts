import type { HistoryEntry, ImportField, ImportJob, ImportPreview, Lead, ListResponse, NotificationList } from '@crm/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { download, fixture, readTable, runImport, upload, waitForJob } from '../../test/imports.js';

/**
 * Importing leads: an .xlsx and a GBK CSV with Chinese headers, sources by key or label, MAN
 * columns, owners by email or name, the assignment rules for rows without an owner, duplicates
 * against existing leads by phone and email, and who may import.
 */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const rules = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
  const res = await org.admin.put('/api/v1/settings/lead-assignment', {
    version: rules.version,
    rules: [{ id: 'zj', name: '浙江区域', kind: 'region', provinces: ['浙江省'], userIds: [org.ids.east1, org.ids.east2] }],
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}, 120_000);
afterAll(() => t.close());

async function workbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('线索');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function leadByName(agent: Agent, name: string) {
  const items = (await agent.get<ListResponse<Lead>>(`/api/v1/leads?q=${encodeURIComponent(name)}&pageSize=50`)).body.items;
  return items.filter((l) => l.name === name);
}

/** The one lead of that name (the test fails here when there is none). */
async function theLead(agent: Agent, name: string): Promise<Lead> {
  const [lead] = await leadByName(agent, name);
  if (!lead) throw new Error(`no lead named ${name}`);
  return lead;
}

const headers = ['姓名', '公司', '手机', '邮箱', '来源', '省份', '城市', '性别', '年龄', '备注', '负责人', '有购买能力', '有决定权', '有需求'];

describe('lead import: an .xlsx file', () => {
  let jobId = 0;

  it('recognises Chinese headers and previews without writing', async () => {
    const bytes = await workbook([
      headers,
      ['陈静', '', '13800000001', 'chen@example.com', '展会', '浙江省', '杭州市', '女', 35, '想要报价', '', '是', '否', '是'],
      ['李雷', '杭州示例科技有限公司', '13800000002', 'lilei@example.com', 'exhibition', '浙江', '宁波市', '男', 42, '', 'east2@example.com', '有', '有', '有'],
      ['王五', '', '13800000003', '', 'Web form', '北京市', '北京市', '', '', '', '', '', '', ''],
      ['赵六', '', '13800000004', '', '', '浙江省', '温州市', '', '', '', '', '', '', ''],
      ['', '', '13800000005', '', '', '', '', '', '', '', '', '', '', ''],
      ['钱七', '', '13800000006', '', '飞鸽传书', '', '', '', '', '', '', '', '', ''],
      ['孙八', '', '13800000007', 'bad-email', '', '', '', '', '', '', '', '', '', ''],
      ['周九', '', '13800000008', '', '', '', '', '', 'abc', '', '', '', '', ''],
      ['吴十', '', '13800000009', '', '', '', '', '', '', '', 'nobody@example.com', '', '', ''],
      ['陈静', '', '138-0000-0001', '', '', '', '', '', '', '', '', '', '', ''],
      ['郑十一', '', '13800000011', '', '', '浙江省', '', '', '', '', '公海', '', '', ''],
    ]);
    const up = await upload(t, org.admin, 'leads', '线索.xlsx', bytes);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ entity: 'leads', format: 'xlsx', totalRows: 11 });
    expect(up.body.suggestedMapping).toEqual({
      '0': 'name', '1': 'company', '2': 'mobile', '3': 'email', '4': 'source', '5': 'province', '6': 'city', '7': 'gender', '8': 'age', '9': 'notes',
      '10': 'owner', '11': 'manMoney', '12': 'manAuthority', '13': 'manNeed',
    });
    expect((up.body.fields as ImportField[]).find((f) => f.key === 'name')).toEqual({ key: 'name', label: '姓名', required: true });
    jobId = up.body.id;

    const before = (await org.admin.get('/api/v1/leads?pageSize=1')).body.total;
    const preview = await org.admin.post<ImportPreview>(`/api/v1/imports/${jobId}/preview`, { mapping: up.body.suggestedMapping, duplicateMode: 'skip' });
    expect(preview.status).toBe(200);
    // An owner that names nobody falls back to the importer with a warning (row 9).
    expect(preview.body.rows.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created', 'rejected', 'rejected', 'rejected', 'rejected', 'created', 'skipped', 'created']);
    const fieldsOf = (i: number) => (preview.body.rows[i]?.messages ?? []).map((m) => m.field);
    expect(fieldsOf(4)).toEqual(['name']);
    expect(fieldsOf(5)).toEqual(['source']);
    expect(preview.body.rows[5]?.messages[0]?.message).toContain('Exhibition');
    expect(fieldsOf(6)).toEqual(['email']);
    expect(fieldsOf(7)).toEqual(['age']);
    expect(fieldsOf(8)).toEqual(['owner']);
    expect(preview.body.rows[8]?.messages[0]?.warning).toBe(true);
    expect(preview.body.rows[9]?.messages[0]?.message).toContain('row 1');
    expect((await org.admin.get('/api/v1/leads?pageSize=1')).body.total).toBe(before);
  });

  it('creates the leads: sources by key or label, MAN grades, owners by email, the rules for rows without one', async () => {
    const started = await org.admin.post(`/api/v1/imports/${jobId}/start`, { mapping: (await org.admin.get(`/api/v1/imports/${jobId}`)).body.suggestedMapping, duplicateMode: 'skip' });
    expect(started.status).toBe(200);
    const job = await waitForJob(org.admin, jobId);
    expect(job).toMatchObject({ status: 'finished', processed: 11, created: 6, skipped: 1, rejected: 4, updated: 0 });

    const chen = await theLead(org.admin, '陈静');
    expect(chen).toMatchObject({ kind: 'person', mobile: '13800000001', email: 'chen@example.com', source: 'exhibition', province: '浙江省', city: '杭州市', gender: 'female', age: 35, notes: '想要报价', manGrade: 'MaN', manRank: 2, status: 'new', formId: null });
    const li = await theLead(org.admin, '李雷');
    expect(li).toMatchObject({ kind: 'organization', company: '杭州示例科技有限公司', source: 'exhibition', ownerId: org.ids.east2, manGrade: 'MAN', manRank: 1 });
    const wang = await theLead(org.admin, '王五');
    expect(wang).toMatchObject({ source: 'web_form', ownerId: null, manGrade: null });
    const zhao = await theLead(org.admin, '赵六');
    expect(zhao).toMatchObject({ source: 'other' });
    const zheng = await theLead(org.admin, '郑十一');
    // 公海: the lead pool, although a rule would have taken it.
    expect(zheng.ownerId).toBeNull();
    // The region rule took turns among its users for the two rows without an owner.
    expect([chen.ownerId, zhao.ownerId].sort()).toEqual([org.ids.east1, org.ids.east2].sort());

    const history = await org.admin.get(`/api/v1/leads/${chen.id}/history`);
    expect((history.body.items as HistoryEntry[]).map((h) => h.action)).toEqual(['import']);
    const assignedTo = chen.ownerId === org.ids.east1 ? org.as.east1 : org.as.east2;
    const notes = (await assignedTo.get<NotificationList>('/api/v1/notifications')).body.items;
    expect(notes.some((n) => n.kind === 'lead_assigned' && n.entityId === chen.id)).toBe(true);
  });

  it('reports every row with its outcome and reason', async () => {
    const report = await download(t, org.admin, `/api/v1/imports/${jobId}/report?only=rejected`);
    expect(report.status).toBe(200);
    const table = await readTable(report.bytes);
    expect(table).toHaveLength(5);
    expect(table[1]?.at(-1)).toContain('姓名');
  });
});

describe('lead import: a GBK CSV and duplicates of existing leads', () => {
  it('skip: rows matching an existing lead by phone or email are skipped and say which lead', async () => {
    const job = await runImport(t, org.as.marketer, 'leads', '线索.csv', fixture('leads-gbk.csv'));
    expect(job).toMatchObject({ status: 'finished', encoding: 'gb18030', created: 1, skipped: 2, rejected: 0 });
    const fresh = await theLead(org.admin, '新人甲');
    expect(fresh).toMatchObject({ source: 'telemarketing', province: '江苏省', email: 'xinren@example.com', ownerId: null, createdBy: org.ids.marketer });
    const preview = await org.as.marketer.post(`/api/v1/imports/${job.id}/preview`, { mapping: job.mapping, duplicateMode: 'skip' });
    expect(preview.body.rows[0].messages[0].message).toContain('陈静');
    // The originals are untouched.
    const chen = await theLead(org.admin, '陈静');
    expect(chen.company).toBeNull();
  });

  it('update: the matched leads take the values the file gives, and the timeline says so', async () => {
    const job = await runImport(t, org.as.marketer, 'leads', '线索.csv', fixture('leads-gbk.csv'), { duplicateMode: 'update' });
    // 新人甲 was created by the previous import, with the same values: nothing to update.
    expect(job).toMatchObject({ status: 'finished', created: 0, updated: 2, skipped: 1, rejected: 0 });
    const chen = await theLead(org.admin, '陈静');
    expect(chen).toMatchObject({ company: '新公司', notes: '老客户介绍', mobile: '13800000001', email: 'chen@example.com', age: 35, manGrade: 'MaN' });
    const wang = await theLead(org.admin, '王五');
    expect(wang).toMatchObject({ phone: '+86 138 0000 0003', notes: '备注, 有逗号', mobile: '13800000003' });
    const history = (await org.admin.get<ListResponse<HistoryEntry>>(`/api/v1/leads/${chen.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'import' });
    expect((history[0]?.changes ?? []).map((c) => c.field).sort()).toEqual(['company', 'notes']);
  });

  it('create: every row becomes a lead, duplicates or not', async () => {
    const job = await runImport(t, org.as.marketer, 'leads', '线索.csv', fixture('leads-gbk.csv'), { duplicateMode: 'create' });
    expect(job).toMatchObject({ status: 'finished', created: 3 });
    expect(await leadByName(org.admin, '新人甲')).toHaveLength(2);
  });

  it('a duplicate outside the importer\'s scope is named by its owner only, and an owner outside it is refused', async () => {
    const hidden = await org.admin.post('/api/v1/leads', { name: '隐藏线索', mobile: '13700000001', source: 'other', ownerId: org.ids.marketer });
    expect(hidden.status).toBe(201);
    const csv = '姓名,手机,负责人\n隐藏线索副本,13700000001,\n分给市场,13700000002,marketer@example.com\n分给自己,13700000003,王经理\n';
    for (const mode of ['skip', 'update'] as const) {
      const up = await upload(t, org.as.manager, 'leads', 'scope.csv', csv);
      expect(up.status).toBe(201);
      const preview = await org.as.manager.post(`/api/v1/imports/${up.body.id}/preview`, { mapping: up.body.suggestedMapping, duplicateMode: mode });
      const [dup, other, self] = preview.body.rows;
      expect(dup.outcome).toBe(mode === 'skip' ? 'skipped' : 'rejected');
      expect(dup.messages[0].message).toContain('孙市场');
      expect(dup.messages[0].message).not.toContain('隐藏线索');
      expect(other).toMatchObject({ outcome: 'rejected' });
      expect(other.messages[0].field).toBe('owner');
      expect(self.outcome).toBe('created');
    }
  });
});

describe('lead import: who may', () => {
  it('an owner handed many leads at once gets one notice saying how many, not one per lead', async () => {
    const before = (await org.as.north1.get<NotificationList>('/api/v1/notifications?pageSize=200')).body.items.length;
    const csv = ['姓名,手机,负责人', '批量一,13900000101,north1@example.com', '批量二,13900000102,north1@example.com', '批量三,13900000103,north1@example.com'].join('\n');
    const job = await runImport(t, org.admin, 'leads', '批量.csv', csv);
    expect(job.created).toBe(3);
    const notes = (await org.as.north1.get<NotificationList>('/api/v1/notifications?pageSize=200')).body.items;
    expect(notes.length - before).toBe(1);
    expect(notes[0]).toMatchObject({ kind: 'leads_assigned', message: 'You have 3 new leads (assigned by 系统管理员).' });
  });

  it('needs leads.import', async () => {
    const csv = '姓名,手机\n测试,13600000001\n';
    const allowed: Array<[string, Agent, number]> = [
      ['admin', org.admin, 201], ['manager', org.as.manager, 201], ['marketer', org.as.marketer, 201],
      ['east1', org.as.east1, 403], ['agent', org.as.agent, 403], ['reader', org.as.reader, 403], ['eastLead', org.as.eastLead, 403],
    ];
    for (const [who, agent, status] of allowed) expect((await upload(t, agent, 'leads', 'a.csv', csv)).status, who).toBe(status);
    // The marketer imports leads, not customers.
    expect((await upload(t, org.as.marketer, 'customers', 'a.csv', '客户名称\n测试\n')).status).toBe(403);
    // And sees their lead imports in the list.
    const list = await org.as.marketer.get('/api/v1/imports?entity=leads');
    expect(list.status).toBe(200);
    expect((list.body.items as ImportJob[]).every((j) => j.entity === 'leads' && j.createdBy === org.ids.marketer)).toBe(true);
  });
});

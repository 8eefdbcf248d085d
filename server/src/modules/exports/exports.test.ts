import type { CompanySettings, Customer, ImportPreview, Lead } from '@crm/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorAt, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { createOrg, type Org } from '../../test/fixtures.js';
import { download, readTable, runImport, upload } from '../../test/imports.js';

let t: TestApp;
let org: Org;
let admin: Agent;
// 2026-12-04 15:15 UTC is 23:15 in Shanghai.
const clock = new TestClock(new Date('2026-12-04T15:15:00Z'));

const hyperlink = '-1+HYPERLINK("http://evil.example","x")';
const cmd = "+1+cmd|' /C calc'!A0";

let company: Customer;
let person: Customer;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  admin = org.admin;
  const created = await admin.post<Customer>('/api/v1/customers', {
    kind: 'organization',
    name: '往返测试科技有限公司',
    category: 'enterprise',
    status: 'target',
    lifecycleStage: 'formation',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    phone: '0571-88886666',
    mobile: '13800138000',
    email: 'roundtrip@example.com',
    tags: ['重点', '展会'],
    notes: hyperlink,
    organization: {
      creditCode: '91350100M000100Y43',
      postcode: '010010',
      foundedYear: 2015,
      employees: 120,
      legalRepresentative: cmd,
      // ¥1,110,554.29 and ¥0.01: amounts that a float or a fen/yuan mix-up would change.
      creditLimit: 111_055_429,
      ownership: 'private',
    },
  });
  expect(created.status).toBe(201);
  company = created.body;
  const createdPerson = await admin.post<Customer>('/api/v1/customers', {
    kind: 'person',
    name: '往返个人',
    category: 'retail',
    status: 'potential',
    lifecycleStage: 'exploration',
    mobile: '13900139000',
    person: { gender: 'female', birthday: '1990-05-06', idCardNumber: '11010519491231002X', qq: '012345678', annualIncome: 1, maritalStatus: 'married' },
  });
  expect(createdPerson.status).toBe(201);
  person = createdPerson.body;
});
afterAll(() => t.close());

const roundTripColumns = [
  'name', 'kind', 'category', 'status', 'lifecycleStage', 'owner', 'industry', 'province', 'city', 'district', 'address', 'phone', 'mobile', 'email',
  'website', 'source', 'tags', 'notes', 'person.gender', 'person.birthday', 'person.idCardNumber', 'person.qq', 'person.annualIncome', 'person.maritalStatus',
  'organization.ownership', 'organization.creditCode', 'organization.legalRepresentative', 'organization.postcode', 'organization.foundedYear',
  'organization.employees', 'organization.creditLimit', 'updatedAt',
].join(',');

const exportUrl = (format: 'csv' | 'xlsx', columns = roundTripColumns) =>
  `/api/v1/customers/export?format=${format}&q=${encodeURIComponent('往返')}&columns=${columns}`;

/** What a user would notice of a customer (not when it was last saved). */
function stable(c: Customer) {
  const { updatedAt: _updatedAt, version: _version, ...rest } = c as Customer & { version?: number };
  return rest;
}

async function current(id: number): Promise<Customer> {
  return (await admin.get<Customer>(`/api/v1/customers/${id}`)).body;
}

describe('exports that open right in Excel', () => {
  it('CSV: amounts in yuan, digits that are identifiers as ="…" text, formula-like text neutralised, times in the company zone', async () => {
    const res = await download(t, admin, exportUrl('csv'));
    expect(res.status).toBe(200);
    const text = res.bytes.toString('utf8');
    // Raw lines: the exporter's own wrapper around identifiers.
    expect(text).toContain('"=""13800138000"""');
    expect(text).toContain('"=""010010"""');
    expect(text).toContain('"=""0571-88886666"""');
    expect(text).toContain('"=""012345678"""');
    const rows = await readTable(res.bytes);
    const header = rows[0] ?? [];
    const col = (label: string) => header.indexOf(label);
    const companyRow = rows.find((r) => r[0] === '往返测试科技有限公司') ?? [];
    const personRow = rows.find((r) => r[0] === '往返个人') ?? [];
    expect(companyRow[col('信用额度')]).toBe('1110554.29');
    expect(personRow[col('年收入')]).toBe('0.01');
    expect(companyRow[col('手机')]).toBe('="13800138000"');
    expect(companyRow[col('邮编')]).toBe('="010010"');
    expect(companyRow[col('备注')]).toBe(`'${hyperlink}`);
    expect(companyRow[col('法定代表人')]).toBe(`'${cmd}`);
    expect(companyRow[col('更新时间')]).toBe('2026-12-04 23:15:00');
    expect(personRow[col('生日')]).toBe('1990-05-06');
    expect(personRow[col('身份证号')]).toBe('11010519491231002X');
    // Numbers stay numbers, even negative-looking ones are not prefixed.
    expect(companyRow[col('员工人数')]).toBe('120');
    expect(String(res.headers['content-disposition'])).toContain('-20261204.csv');
  });

  it('.xlsx: money as yuan numbers with a ¥ format, real dates and times, frozen header, widths, the same neutralised text', async () => {
    const res = await download(t, admin, exportUrl('xlsx'));
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (label: string) => header.indexOf(label) + 1;
    for (let c = 1; c <= header.length; c++) expect(sheet.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(8);
    let companyRow: ExcelJS.Row | undefined;
    let personRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '往返测试科技有限公司') companyRow = row;
      if (row.getCell(1).value === '往返个人') personRow = row;
    });
    if (!companyRow || !personRow) throw new Error('rows missing');
    const limit = companyRow.getCell(col('信用额度'));
    expect(limit.type).toBe(ExcelJS.ValueType.Number);
    expect(limit.value).toBe(1110554.29);
    expect(limit.numFmt).toContain('¥');
    expect(personRow.getCell(col('年收入')).value).toBe(0.01);
    const birthday = personRow.getCell(col('生日'));
    expect(birthday.type).toBe(ExcelJS.ValueType.Date);
    expect((birthday.value as Date).toISOString()).toBe('1990-05-06T00:00:00.000Z');
    expect(birthday.numFmt).toBe('yyyy-mm-dd');
    const updated = companyRow.getCell(col('更新时间'));
    expect(updated.type).toBe(ExcelJS.ValueType.Date);
    // The company's wall-clock time (Asia/Shanghai), as a spreadsheet date-time.
    expect((updated.value as Date).toISOString()).toBe('2026-12-04T23:15:00.000Z');
    expect(updated.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(companyRow.getCell(col('手机')).value).toBe('13800138000');
    expect(companyRow.getCell(col('邮编')).value).toBe('010010');
    expect(companyRow.getCell(col('备注')).value).toBe(`'${hyperlink}`);
    expect(companyRow.getCell(col('法定代表人')).value).toBe(`'${cmd}`);
    expect(companyRow.getCell(col('员工人数')).value).toBe(120);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`export to ${format}, re-import in update mode: no amount and nothing else changes`, async () => {
      const before = [stable(await current(company.id)), stable(await current(person.id))];
      const file = await download(t, admin, exportUrl(format));
      expect(file.status).toBe(200);
      const job = await runImport(t, admin, 'customers', `往返.${format}`, file.bytes, { duplicateMode: 'update' });
      expect(job).toMatchObject({ status: 'finished', processed: 2, created: 0, rejected: 0 });
      expect(job.updated + job.skipped).toBe(2);
      const after = [stable(await current(company.id)), stable(await current(person.id))];
      expect(after).toEqual(before);
      expect(after[0]?.organization.creditLimit).toBe(111_055_429);
      expect(after[1]?.person.annualIncome).toBe(1);
    });
  }
});

describe('money in import files is yuan', () => {
  it('reads 500000, 500,000.00, ¥1,200.50, ￥1200, 50万, 1.5万元 and 500000元 as exact fen; bad text is a field message in both languages', async () => {
    const amounts = ['500000', '500,000.00', '¥1,200.50', '￥1200', '50万', '1.5万元', '500000元'];
    const fen = [50_000_000, 50_000_000, 120_050, 120_000, 50_000_000, 1_500_000, 50_000_000];
    const lines = ['客户名称,客户类别,年收入', ...amounts.map((a, i) => `收入测试${i},个人客户,"${a}"`), '收入测试坏,个人客户,五十万'];
    const job = await runImport(t, admin, 'customers', '收入.csv', lines.join('\n'));
    expect(job).toMatchObject({ created: amounts.length, rejected: 1 });
    for (const [i, expected] of fen.entries()) {
      const [found] = (await admin.get<{ items: Customer[] }>(`/api/v1/customers?q=${encodeURIComponent(`收入测试${i}`)}`)).body.items;
      expect(found?.person.annualIncome, amounts[i]).toBe(expected);
    }
    const bad = `客户名称,客户类别,信用额度\n额度测试,企业客户,1.234\n`;
    for (const [lang, pattern] of [['zh-CN', /金额/], ['en', /amount/]] as const) {
      const up = await upload(t, admin, 'customers', 'bad.csv', bad, lang);
      const preview = await t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${up.body.id}/preview`,
        headers: { 'accept-language': lang, 'content-type': 'application/json', cookie: admin.cookie ?? '' },
        payload: JSON.stringify({ mapping: up.body.suggestedMapping, duplicateMode: 'skip' }),
      });
      const row = (JSON.parse(preview.body) as ImportPreview).rows[0];
      expect(row?.outcome).toBe('rejected');
      expect(row?.messages).toEqual([{ field: 'organization.creditLimit', message: expect.stringMatching(pattern) }]);
    }
  });
});

describe('money in lead import files is yuan too', () => {
  it('reads 年收入 50万 on a lead as 5,000,000 fen', async () => {
    const job = await runImport(t, admin, 'leads', '线索.csv', '姓名,年收入\n收入线索,50万\n');
    expect(job).toMatchObject({ created: 1, rejected: 0 });
    const [lead] = (await admin.get<{ items: Lead[] }>(`/api/v1/leads?q=${encodeURIComponent('收入线索')}`)).body.items;
    expect(lead?.annualIncome).toBe(50_000_000);
  });
});

describe('company time zone', () => {
  it('every signed-in user reads it (Asia/Shanghai by default); settings.edit changes it; exports follow it', async () => {
    const read = await org.as.reader.get<CompanySettings>('/api/v1/settings/company');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ timeZone: 'Asia/Shanghai', name: '', nameEn: '', logo: null, version: 0 });
    expect((await org.as.manager.put('/api/v1/settings/company', { timeZone: 'UTC', version: 0 })).status).toBe(403);
    const bad = await t.login(undefined, undefined, 'zh-CN').then((a) => a.put('/api/v1/settings/company', { timeZone: 'Mars/Olympus', version: 0 }));
    expect(bad.status).toBe(400);
    expect(errorAt(bad, 'timeZone')).toContain('时区');
    const saved = await admin.put<CompanySettings>('/api/v1/settings/company', { timeZone: 'America/New_York', version: 0 });
    expect(saved.body).toEqual({ timeZone: 'America/New_York', name: '', nameEn: '', logo: null, version: 1 });
    expect((await admin.put('/api/v1/settings/company', { timeZone: 'UTC', version: 0 })).status).toBe(409);
    const rows = await readTable((await download(t, admin, exportUrl('csv', 'name,updatedAt'))).bytes);
    // 15:15 UTC is 10:15 in New York in December.
    expect(rows.find((r) => r[0] === '往返个人')?.[1]).toMatch(/^2026-12-04 10:15:00$/);
    await admin.put('/api/v1/settings/company', { timeZone: 'Asia/Shanghai', version: 1 });
  });
});

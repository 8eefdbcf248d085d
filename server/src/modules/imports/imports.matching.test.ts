import type { Contact, Customer, DataQualityItem, DuplicateCheckResult, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { password } from '../../test/fixtures.js';
import { download, readTable, runImport } from '../../test/imports.js';

/**
 * Import matching: strong keys (credit code, ID card, phone, email) decide; a name is not an
 * identity; conflicts are reported, never merged; matches outside the importer's scope are named
 * by their owner only. Customer lists that carry the contact beside the company.
 */
let t: TestApp;
let admin: Agent;
let scoped: Agent;
let otherId: number;

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A valid unified social credit code from a number (GB 32100 check character). */
function creditCode(n: number): string {
  const body = `91310000${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditChars.indexOf(body[i] ?? '') * (creditWeights[i] ?? 0);
  return body + creditChars[(31 - (sum % 31)) % 31];
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-digit ID-card number from a number (GB 11643 check digit). */
function idCard(n: number): string {
  const body = `11010519900101${String(n).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (idWeights[i] ?? 0);
  return body + '10X98765432'[sum % 11];
}

async function create(agent: Agent, body: Record<string, unknown>): Promise<Customer> {
  const res = await agent.post<Customer>('/api/v1/customers', { kind: 'organization', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

async function get(id: number): Promise<Customer> {
  return (await admin.get<Customer>(`/api/v1/customers/${id}`)).body;
}

async function search(q: string): Promise<Customer[]> {
  return (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=50`)).body.items;
}

/** The report's rows as { outcome, reason } by row number. */
async function report(agent: Agent, jobId: number): Promise<Map<number, { outcome: string; reason: string }>> {
  const [header = [], ...rows] = await readTable((await download(t, agent, `/api/v1/imports/${jobId}/report?format=csv`)).bytes);
  const at = (name: string) => header.indexOf(name);
  return new Map(rows.map((r) => [Number(r[at('行号')]), { outcome: r[at('结果')] ?? '', reason: r[at('原因')] ?? '' }]));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
  const role = await admin.post<{ id: number }>('/api/v1/roles', {
    key: 'importer_own',
    name: '导入员',
    permissions: ['customers.view', 'customers.create', 'customers.edit', 'customers.import', 'contacts.view', 'contacts.create', 'contacts.edit', 'users.view'],
    dataScope: 'own',
  });
  const user = async (email: string, name: string) => (await admin.post<{ id: number }>('/api/v1/users', { email, name, password, roleId: role.body.id })).body.id;
  await user('importer@example.com', '导入员');
  otherId = await user('zhangwei@example.com', '张伟');
  scoped = await t.login('importer@example.com', password, 'zh-CN');
});
afterAll(() => t.close());

describe('import matching: strong keys decide, a name is not an identity', () => {
  it('a row whose name matches but whose credit code, phone and email differ creates a new customer and says which one it resembles', async () => {
    const existing = await create(admin, {
      name: '上海星辰科技有限公司',
      ownerId: otherId,
      phone: '021-55550001',
      email: 'info@xingchen.example',
      organization: { creditCode: creditCode(1), legalRepresentative: '王总' },
    });
    const csv = ['公司名称,统一社会信用代码,电话,邮箱,法定代表人', `上海星辰科技,${creditCode(2)},021-66660002,hello@other.example,李总`, `上海星辰科技,${creditCode(2)},021-66660002,hello@other.example,李总`].join('\n');
    const job = await runImport(t, admin, 'customers', 'found.csv', csv, { duplicateMode: 'update' });
    expect(job).toMatchObject({ status: 'finished', created: 1, updated: 0, rejected: 0 });
    // The existing record is untouched.
    const after = await get(existing.id);
    expect(after.version).toBe(existing.version);
    expect(after.organization.creditCode).toBe(creditCode(1));
    expect(after.phone).toBe('021-55550001');
    expect(after.email).toBe('info@xingchen.example');
    expect(after.organization.legalRepresentative).toBe('王总');
    const rows = await report(admin, job.id);
    expect(rows.get(1)?.outcome).toBe('新建');
    expect(rows.get(1)?.reason).toContain(existing.archiveNo);
    expect(rows.get(1)?.reason).toContain('统一社会信用代码');
    // The second row is the first one again (same credit code): it goes to what row 1 created, not to the old record.
    expect(rows.get(2)?.outcome).toBe('跳过');
    const both = await search('星辰科技');
    expect(both.map((c) => c.organization.creditCode).sort()).toEqual([creditCode(1), creditCode(2)]);
  });

  it('in skip mode a similar name with another credit code is created too, not skipped', async () => {
    await create(admin, { name: '杭州远山贸易有限公司', organization: { creditCode: creditCode(10) } });
    const csv = `客户名称,统一社会信用代码\n杭州远山贸易（有限公司）,${creditCode(11)}\n`;
    const job = await runImport(t, admin, 'customers', 'skip.csv', csv, { duplicateMode: 'skip' });
    expect(job).toMatchObject({ created: 1, skipped: 0 });
  });

  it('a name match without any conflicting strong key is still the same customer', async () => {
    const existing = await create(admin, { name: '苏州河畔物流有限公司', phone: '0512-66668888' });
    const job = await runImport(t, admin, 'customers', 'name.csv', '客户名称,网址\n苏州河畔物流,https://hepan.example\n', { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 1 });
    expect((await get(existing.id)).website).toBe('https://hepan.example');
  });

  it('an email many customers share decides nothing when the phone names one of them; alone, it is reported as a split', async () => {
    const shared = 'purchasing@shared.example';
    const target = await create(admin, { name: '共享邮箱甲有限公司', phone: '0755-26660001', email: shared });
    const others = [await create(admin, { name: '共享邮箱乙有限公司', email: shared }), await create(admin, { name: '共享邮箱丙有限公司', email: shared })];
    const third = await create(admin, { name: '共享邮箱丁有限公司', phone: '0755-26660009' });
    const job = await runImport(t, admin, 'customers', 'shared-email.csv', `客户名称,电话,邮箱,备注\n共享邮箱甲有限公司,0755-26660001,${shared},电话定了\n某公司,0755-26660009,${shared},不该写\n`, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 1, rejected: 1 });
    expect((await get(target.id)).notes).toBe('电话定了');
    for (const c of [...others, third]) expect((await get(c.id)).notes).toBeNull();
  });

  it('two customers behind one switchboard number: the row updates the one whose name it also bears', async () => {
    const older = await create(admin, { name: '前线物流有限公司', phone: '021-66660001' });
    const namesake = await create(admin, { name: '后方贸易有限公司', phone: '021-66660001' });
    // Namesakes elsewhere that no strong key points at change nothing.
    const elsewhere = await create(admin, { name: '后方贸易有限公司', phone: '021-66660002' });
    const job = await runImport(t, admin, 'customers', 'switchboard.csv', '客户名称,电话,备注\n后方贸易有限公司,021 6666 0001,总机客户\n', { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    expect((await get(namesake.id)).notes).toBe('总机客户');
    expect((await get(older.id)).notes).toBeNull();
    expect((await get(elsewhere.id)).notes).toBeNull();
  });

  it('a credit code match updates the record even under a new name; the credit code is checked on folding', async () => {
    const existing = await create(admin, { name: '旧名称制造有限公司', organization: { creditCode: creditCode(20) } });
    const job = await runImport(t, admin, 'customers', 'rename.csv', `客户名称,统一社会信用代码\n新名称制造有限公司,${creditCode(20).toLowerCase()}\n`, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 1 });
    expect((await get(existing.id)).name).toBe('新名称制造有限公司');
  });

  it('a credit code that matches while the email conflicts is reported for the user to decide, and nothing changes', async () => {
    const existing = await create(admin, { name: '广州海风电子有限公司', email: 'sales@haifeng.example', organization: { creditCode: creditCode(30) } });
    const job = await runImport(t, admin, 'customers', 'conflict.csv', `客户名称,统一社会信用代码,邮箱\n广州海风电子有限公司,${creditCode(30)},boss@elsewhere.example\n`, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    const reason = (await report(admin, job.id)).get(1)?.reason ?? '';
    expect(reason).toContain('未导入');
    expect(reason).toContain(existing.archiveNo);
    expect(reason).toContain('邮箱');
    expect((await get(existing.id)).version).toBe(existing.version);
  });

  it('two strong keys that point at different customers are reported, never merged', async () => {
    const a = await create(admin, { name: '深圳甲方科技有限公司', organization: { creditCode: creditCode(40) } });
    const b = await create(admin, { name: '深圳乙方科技有限公司', email: 'yi@yifang.example' });
    const job = await runImport(t, admin, 'customers', 'split.csv', `客户名称,统一社会信用代码,邮箱\n深圳甲方科技有限公司,${creditCode(40)},yi@yifang.example\n`, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    const reason = (await report(admin, job.id)).get(1)?.reason ?? '';
    expect(reason).toContain(a.archiveNo);
    expect(reason).toContain(b.archiveNo);
    expect((await get(a.id)).email).toBeNull();
    expect((await get(b.id)).version).toBe(b.version);
  });

  it('ID-card numbers are the strong key of person customers', async () => {
    const existing = await create(admin, { kind: 'person', name: '陈静', category: 'retail', person: { idCardNumber: idCard(1) } });
    const csv = `姓名,客户性质,身份证号,手机\n陈静,个人客户,${idCard(2)},13911112222\n陈静,个人客户,${idCard(1)},13911113333\n`;
    const job = await runImport(t, admin, 'customers', 'persons.csv', csv, { duplicateMode: 'update', mapping: { '0': 'name', '1': 'kind', '2': 'person.idCardNumber', '3': 'mobile' } });
    expect(job).toMatchObject({ created: 1, updated: 1 });
    expect((await get(existing.id)).mobile).toBe('13911113333');
  });

  it('update mode changes only what the importer may edit: a match outside the scope is reported by its owner', async () => {
    const hidden = await create(admin, { name: '北京隐藏咨询有限公司', ownerId: otherId, organization: { creditCode: creditCode(50) } });
    const job = await runImport(t, scoped, 'customers', 'scoped.csv', `客户名称,统一社会信用代码,备注\n北京隐藏咨询,${creditCode(50)},改一下\n`, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    const reason = (await report(scoped, job.id)).get(1)?.reason ?? '';
    expect(reason).toContain('张伟');
    expect(reason).not.toContain(hidden.archiveNo);
    expect((await get(hidden.id)).notes).toBeNull();
  });

  it('the archive number of an exported file identifies the record: a changed phone updates it, a number of another record is reported', async () => {
    const a = await create(admin, { name: '武汉江城设备有限公司', phone: '027-88880001' });
    const b = await create(admin, { name: '武汉汉口设备有限公司', phone: '027-88880002' });
    const csv = `客户编号,客户名称,电话\n${a.archiveNo},武汉江城设备有限公司,027-88880009\n${b.archiveNo},武汉汉口设备有限公司,027-88880001\n`;
    const job = await runImport(t, admin, 'customers', 'export-edited.csv', csv, { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, updated: 1, rejected: 1 });
    expect((await get(a.id)).phone).toBe('027-88880009');
    expect((await get(b.id)).phone).toBe('027-88880002');
    const reason = (await report(admin, job.id)).get(2)?.reason ?? '';
    expect(reason).toContain(b.archiveNo);
    expect(reason).toContain('客户编号');
  });

  it('the credit code is a duplicate key of the duplicate check and of the data-quality duplicate list', async () => {
    const a = await create(admin, { name: '成都天府软件有限公司', organization: { creditCode: creditCode(60) } });
    const check = await admin.post<DuplicateCheckResult>('/api/v1/customers/duplicate-check', { kind: 'organization', name: '完全不同的名字', creditCode: creditCode(60) });
    expect(check.status).toBe(200);
    expect(check.body.matches).toEqual([expect.objectContaining({ id: a.id, matchedOn: ['creditCode'] })]);
    const b = await create(admin, { name: '天府软件成都分部', organization: { creditCode: creditCode(60) } });
    const list = await admin.get<ListResponse<DataQualityItem>>('/api/v1/data-quality?issue=duplicate&pageSize=200');
    const group = list.body.items.find((i) => i.group.some((c) => c.id === b.id));
    expect(group?.matchedOn).toEqual(['creditCode']);
    // Editing the credit code away removes the key.
    await admin.patch(`/api/v1/customers/${b.id}`, { version: b.version, organization: { creditCode: creditCode(61) } });
    const again = await admin.post<DuplicateCheckResult>('/api/v1/customers/duplicate-check', { kind: 'organization', creditCode: creditCode(60) });
    expect(again.body.matches.map((m) => m.id)).toEqual([a.id]);
  });

  it('names fold full-width characters, brackets and English company suffixes', async () => {
    const a = await create(admin, { name: 'ＡＣＭＥ Trading Co., Ltd.' });
    for (const name of ['Acme Trading Inc.', 'ACME TRADING LLC', 'Acme Trading GmbH', 'acme trading (co., ltd.)']) {
      const check = await admin.post<DuplicateCheckResult>('/api/v1/customers/duplicate-check', { kind: 'organization', name });
      expect(check.body.matches.map((m) => m.id), name).toContain(a.id);
    }
  });
});

describe('customer lists that carry the contact beside the company', () => {
  it('creates the customer with its primary contact, then updates the contact matched by mobile instead of adding another', async () => {
    const csv = ['公司名称,联系人,联系人手机,职务,联系人邮箱', '南京紫金仪器有限公司,王小明,13812340001,采购经理,wxm@zijin.example'].join('\n');
    const first = await runImport(t, admin, 'customers', 'with-contact.csv', csv, { duplicateMode: 'update' });
    expect(first).toMatchObject({ created: 1, rejected: 0 });
    const [customer] = await search('紫金仪器');
    if (!customer) throw new Error('not imported');
    const contacts = async () => (await admin.get<ListResponse<Contact>>(`/api/v1/contacts?customerId=${customer.id}`)).body.items;
    expect(await contacts()).toEqual([expect.objectContaining({ name: '王小明', mobile: '13812340001', title: '采购经理', email: 'wxm@zijin.example', isPrimary: true })]);

    const again = ['公司名称,联系人,联系人手机,职务', '南京紫金仪器有限公司,王小明,138 1234 0001,采购总监'].join('\n');
    const second = await runImport(t, admin, 'customers', 'with-contact-2.csv', again, { duplicateMode: 'update' });
    expect(second).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    expect(await contacts()).toEqual([expect.objectContaining({ name: '王小明', title: '采购总监', isPrimary: true })]);
  });

  it('joins First Name and Last Name columns into one contact name', async () => {
    const csv = ['Company Name,First Name,Last Name,Email', '厦门鹭岛贸易有限公司,小红,李,lxh@ludao.example', 'Harbour Trading Ltd,Ada,Lovelace,ada@harbour.example'].join('\n');
    const job = await runImport(t, admin, 'customers', 'hubspot.csv', csv, {
      duplicateMode: 'update',
      mapping: { '0': 'name', '1': 'contact.firstName', '2': 'contact.lastName', '3': 'contact.email' },
    });
    expect(job).toMatchObject({ created: 2, rejected: 0 });
    const names: string[] = [];
    for (const q of ['鹭岛贸易', 'Harbour Trading']) {
      const [c] = await search(q);
      if (!c) throw new Error(`${q} not imported`);
      names.push(...(await admin.get<ListResponse<Contact>>(`/api/v1/contacts?customerId=${c.id}`)).body.items.map((x) => x.name));
    }
    expect(names).toEqual(['李小红', 'Ada Lovelace']);
  });

  it('a landline in a mobile column is imported as the phone, with a warning', async () => {
    const job = await runImport(t, admin, 'customers', 'landline.csv', '公司名称,手机,联系人,联系人手机\n青岛海湾机械有限公司,0532-8888 6666,刘工,0532-8888 7777\n', { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 1, rejected: 0 });
    const [customer] = await search('海湾机械');
    expect(customer).toMatchObject({ phone: '0532-8888 6666', mobile: null });
    const contacts = (await admin.get<ListResponse<Contact>>(`/api/v1/contacts?customerId=${customer?.id ?? 0}`)).body.items;
    expect(contacts).toEqual([expect.objectContaining({ name: '刘工', phone: '0532-8888 7777', mobile: null })]);
    expect((await report(admin, job.id)).get(1)?.reason).toContain('座机');
  });

  it('a contact column with an invalid mobile rejects the row with the message on the contact field', async () => {
    const job = await runImport(t, admin, 'customers', 'bad-contact.csv', '公司名称,联系人,联系人邮箱\n无效联系人有限公司,张三,not-an-email\n', { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 0, rejected: 1 });
    expect((await search('无效联系人')).length).toBe(0);
  });
});

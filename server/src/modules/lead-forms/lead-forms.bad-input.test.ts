import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorAt, errorPaths, type Agent, type ErrorAnswer, type TestApp } from '../../test/harness.js';

/**
 * Web forms refuse bad input with a field-level message in the caller's language, change nothing
 * and never answer 500: the editor's writes, and the public posts (required, formats, unknown
 * fields, size, malformed JSON, the honeypot, the per-IP limit).
 */
let t: TestApp;
let admin: Agent;
let form: { id: number; token: string; version: number };

const formBody = {
  name: '坏输入表单',
  fields: [
    { field: 'name', required: true },
    { field: 'mobile', required: true },
    { field: 'email' },
    { field: 'age' },
    { field: 'gender' },
  ],
  thankYou: '谢谢您！',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  form = (await admin.post('/api/v1/lead-forms', formBody)).body;
});
afterAll(() => t.close());

let address = 0;
/** Each call from a fresh address unless one is given, so the per-IP limit only bites where a test means it. */
async function post(body: string | object, options: { ip?: string; lang?: string; token?: string } = {}) {
  address += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/forms/${options.token ?? form.token}`,
    remoteAddress: options.ip ?? `192.0.2.${address}`,
    headers: { 'content-type': 'application/json', 'accept-language': options.lang ?? 'en' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as ErrorAnswer & { thankYou: string }, headers: res.headers };
}

async function leadCount(): Promise<number> {
  return (await admin.get('/api/v1/leads?pageSize=1')).body.total;
}
async function submissionCount(): Promise<number> {
  return (await admin.get(`/api/v1/lead-forms/${form.id}`)).body.submissionCount;
}

describe('bad input: the form editor', () => {
  it('malformed JSON, wrong types, unknown fields, too long: field-level 400 in both languages, nothing written', async () => {
    const before = (await admin.get('/api/v1/lead-forms')).body.total;
    const malformed = await admin.request('POST', '/api/v1/lead-forms', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');

    const wrong = await admin.post('/api/v1/lead-forms', { ...formBody, name: 7, fields: [{ field: 'shoeSize', required: true }], active: 'yes', colour: 'red' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(wrong)).toEqual(expect.arrayContaining(['name', 'fields.0.field', 'active', 'colour']));

    const missing = await admin.post('/api/v1/lead-forms', { name: '缺字段' });
    expect(errorPaths(missing)).toEqual(expect.arrayContaining(['fields', 'thankYou']));

    const tooLong = await admin.post('/api/v1/lead-forms', { ...formBody, thankYou: 'x'.repeat(2001) });
    expect(errorPaths(tooLong)).toEqual(['thankYou']);

    const badSource = await admin.post('/api/v1/lead-forms', { ...formBody, source: 'Bad Key' });
    expect(errorPaths(badSource)).toEqual(['source']);

    const zh = await t.login(undefined, undefined, 'zh-CN');
    const chinese = await zh.post('/api/v1/lead-forms', { ...formBody, fields: [{ field: 'mobile' }] });
    expect(chinese.body.error.message).toBe('部分字段填写有误。');
    expect(chinese.body.error.details).toEqual([{ path: 'fields', message: '表单必须包含“姓名”字段。' }]);

    expect((await admin.get('/api/v1/lead-forms')).body.total).toBe(before);
  });

  it('PATCH: missing or wrong version, bad values, unknown fields; the form is unchanged', async () => {
    const noVersion = await admin.patch(`/api/v1/lead-forms/${form.id}`, { name: 'x' });
    expect(errorPaths(noVersion)).toEqual(['version']);
    const wrong = await admin.patch(`/api/v1/lead-forms/${form.id}`, { version: 1, fields: [], thankYou: '', token: 'mine' });
    expect(errorPaths(wrong)).toEqual(expect.arrayContaining(['fields', 'thankYou', 'token']));
    const twice = await admin.patch(`/api/v1/lead-forms/${form.id}`, { version: 1, fields: [{ field: 'name', required: true }, { field: 'name', required: true }] });
    expect(errorPaths(twice)).toEqual(['fields.1.field']);
    const badId = await admin.patch('/api/v1/lead-forms/abc', { version: 1 });
    expect(badId.status).toBe(400);
    expect(errorPaths(badId)).toEqual(['id']);
    expect((await admin.get(`/api/v1/lead-forms/${form.id}`)).body.version).toBe(1);
  });
});

describe('bad input: public posts', () => {
  it('a missing required field and bad email / phone / age are reported under values.<field>, all at once', async () => {
    const before = await leadCount();
    const res = await post({ values: { email: 'not-an-email', age: 'old', gender: 'robot' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(res).sort()).toEqual(['values.age', 'values.email', 'values.gender', 'values.mobile', 'values.name']);
    expect(errorAt(res, 'values.name')).toBe('Please fill this in.');

    const phone = await post({ values: { name: '张三', mobile: 'call me maybe' } });
    expect(errorPaths(phone)).toEqual(['values.mobile']);
    expect(phone.body.error.details[0]?.message).toMatch(/^A phone number may contain only digits/);

    const blank = await post({ values: { name: '   ', mobile: '13800000000' } });
    expect(errorPaths(blank)).toEqual(['values.name']);

    const chinese = await post({ values: { name: '张三', mobile: '13800000000', email: 'x@' } }, { lang: 'zh-CN' });
    expect(errorPaths(chinese)).toEqual(['values.email']);
    expect(chinese.body.error.message).toBe('部分字段填写有误。');
    expect(await leadCount()).toBe(before);
  });

  it('refuses fields the form does not ask for, and unknown top-level keys', async () => {
    const before = await leadCount();
    const extra = await post({ values: { name: '张三', mobile: '13800000000', company: '不在表单里', shoeSize: 42 } });
    expect(extra.status).toBe(400);
    expect(errorPaths(extra).sort()).toEqual(['values.company', 'values.shoeSize']);
    expect(extra.body.error.details[0]?.message).toBe('This form has no such field.');
    const top = await post({ values: { name: '张三', mobile: '13800000000' }, ownerId: 1 });
    expect(errorPaths(top)).toEqual(['ownerId']);
    const wrongShape = await post({ values: ['张三'] });
    expect(wrongShape.status).toBe(400);
    expect(errorPaths(wrongShape)).toEqual(['values']);
    const noValues = await post({});
    expect(errorPaths(noValues)).toEqual(['values']);
    expect(await leadCount()).toBe(before);
  });

  it('refuses a body over 16 KB with 413 and says the limit', async () => {
    const before = await leadCount();
    const res = await post({ values: { name: '张三', mobile: '13800000000' }, website_url: 'x'.repeat(17 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('16 KB');
    const zh = await post('{"values":{"name":"' + '张'.repeat(6000) + '"}}', { lang: 'zh-CN' });
    expect(zh.status).toBe(413);
    expect(zh.body.error.message).toContain('16 KB');
    // Just under the limit goes through to validation (here: a value too long for its field).
    const under = await post({ values: { name: 'x'.repeat(2000), mobile: '13800000000' } });
    expect(under.status).toBe(400);
    expect(errorPaths(under)).toEqual(['values.name']);
    expect(await leadCount()).toBe(before);
  });

  it('refuses malformed JSON and other content types with 400', async () => {
    const malformed = await post('{"values": {"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
    const form_urlencoded = await t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${form.token}`, remoteAddress: '192.0.2.250', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x' });
    expect(form_urlencoded.statusCode).toBe(400);
  });

  it('a filled honeypot answers the thank-you and stores nothing', async () => {
    const leads = await leadCount();
    const submissions = await submissionCount();
    const res = await post({ values: { name: 'Bot', mobile: '13800000000' }, website_url: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ thankYou: '谢谢您！' });
    // Even with values that would be refused: the bot learns nothing.
    const invalid = await post({ values: { email: 'nope' }, website_url: 'x' });
    expect(invalid.status).toBe(201);
    expect(await leadCount()).toBe(leads);
    expect(await submissionCount()).toBe(submissions);
  });

  it('limits submissions per address across forms: the sixth in ten minutes is 429, another address still passes', async () => {
    const other = (await admin.post('/api/v1/lead-forms', { ...formBody, name: '第二个表单' })).body;
    const ip = '192.0.2.77';
    for (let i = 0; i < 5; i++) {
      const res = await post({ values: { name: `访客${i}`, mobile: `1380000000${i}` } }, { ip, token: i % 2 === 0 ? form.token : other.token });
      expect(res.status, `submission ${i + 1}`).toBe(201);
    }
    const before = await leadCount();
    const limited = await post({ values: { name: '第六位', mobile: '13800000009' } }, { ip });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toBe('Too many submissions from your network. Please try again in 10 minutes.');
    expect(limited.headers['retry-after']).toBe('600');
    expect((await post({ values: { name: '第六位', mobile: '13800000009' } }, { ip, token: other.token, lang: 'zh-CN' })).body.error.message).toBe('您所在网络提交次数过多，请 10 分钟后再试。');
    expect(await leadCount()).toBe(before);
    expect((await post({ values: { name: '邻居', mobile: '13800000010' } }, { ip: '192.0.2.78' })).status).toBe(201);
  });
});

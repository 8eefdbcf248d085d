import type { CompanySettings } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { errorAt, type Agent, type TestApp, createTestApp } from '../../test/harness.js';
import { makePng, smallGif, smallJpeg } from '../../test/images.js';
import { download } from '../../test/imports.js';

/**
 * The company logo (设置 → 公司设置): uploaded as base64 by settings.edit with the company settings'
 * version, read back by any signed-in user with an entity tag, named by the settings, replaced and
 * removed; files that are not a whole PNG or JPEG within the limits are refused on `image`.
 */
let t: TestApp;
let org: Org;
let adminZh: Agent;

const png = makePng({ width: 40, height: 20 });
const settings = async () => (await org.admin.get<CompanySettings>('/api/v1/settings/company')).body;
const upload = (agent: Agent, bytes: Buffer, version: number, contentType = 'image/png') =>
  agent.put('/api/v1/settings/company/logo', { image: bytes.toString('base64'), contentType, version });

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  adminZh = await t.login(undefined, undefined, 'zh-CN');
}, 120_000);
afterAll(() => t.close());

describe('the company logo', () => {
  it('is uploaded, read, replaced and removed; the settings name it and keep it through other saves', async () => {
    const before = await settings();
    expect(before.logo).toBeNull();
    expect((await download(t, org.as.east1, '/api/v1/settings/company/logo')).status).toBe(404);

    const saved = await upload(org.admin, png, before.version);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: before.version + 1, logo: { version: before.version + 1, width: 40, height: 20 } });
    expect(await settings()).toEqual(saved.body);

    // Any signed-in user reads it: the very bytes, their type, a tag to revalidate with.
    const read = await download(t, org.as.east1, `/api/v1/settings/company/logo?v=${saved.body.logo.version}`);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.bytes.equals(png)).toBe(true);
    expect(read.headers['cache-control']).toBe('private, no-cache');
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/settings/company/logo', headers: { cookie: org.as.reader.cookie ?? '', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await download(t, t.anonymous(), '/api/v1/settings/company/logo')).status).toBe(401);

    // A stale version is a 409 with the settings as they are, and changes nothing.
    const stale = await upload(org.admin, smallJpeg, before.version, 'image/jpeg');
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual(saved.body);

    // Replaced by a JPEG: the type follows the bytes; the tag changes.
    const replaced = await upload(org.admin, smallJpeg, saved.body.version, 'image/jpeg');
    expect(replaced.status).toBe(200);
    expect(replaced.body.logo).toEqual({ version: saved.body.version + 1, width: 8, height: 4 });
    const jpeg = await download(t, org.as.reader, '/api/v1/settings/company/logo');
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect(jpeg.bytes.equals(smallJpeg)).toBe(true);
    expect(jpeg.headers.etag).not.toBe(etag);

    // Saving the name and time zone keeps the logo.
    const named = await org.admin.put<CompanySettings>('/api/v1/settings/company', { timeZone: 'Asia/Shanghai', name: '标志测试有限公司', version: replaced.body.version });
    expect(named.status).toBe(200);
    expect(named.body.logo).toEqual(replaced.body.logo);
    expect((await download(t, org.as.reader, '/api/v1/settings/company/logo')).bytes.equals(smallJpeg)).toBe(true);

    // Removed with the current version: 204, then gone; removing again is a 404.
    expect((await org.admin.delete(`/api/v1/settings/company/logo?version=${replaced.body.version}`)).status).toBe(409);
    expect((await org.admin.delete('/api/v1/settings/company/logo')).status).toBe(400);
    expect((await org.admin.delete(`/api/v1/settings/company/logo?version=${named.body.version}`)).status).toBe(204);
    const after = await settings();
    expect(after).toMatchObject({ logo: null, name: '标志测试有限公司', version: named.body.version + 1 });
    expect((await download(t, org.as.reader, '/api/v1/settings/company/logo')).status).toBe(404);
    expect((await org.admin.delete(`/api/v1/settings/company/logo?version=${after.version}`)).status).toBe(404);
  });

  it('only settings.edit uploads and removes it: a salesperson and a sales manager are refused 403', async () => {
    const { version } = await settings();
    for (const who of ['east1', 'manager'] as const) {
      expect((await upload(org.as[who], png, version)).status, who).toBe(403);
      expect((await org.as[who].delete(`/api/v1/settings/company/logo?version=${version}`)).status, who).toBe(403);
    }
    expect((await settings()).version).toBe(version);
  });

  it('refuses what is not a whole PNG or JPEG within the limits, on `image`, in the caller\'s language, changing nothing', async () => {
    const { version } = await settings();
    const kept = await upload(org.admin, png, version);
    expect(kept.status).toBe(200);
    const noise = makePng({ width: 300, height: 300, noise: true }); // about 352 KB
    expect(noise.length).toBeGreaterThan(256 * 1024);
    const cases: Array<[string, Buffer, string]> = [
      ['a GIF', smallGif, 'PNG 或 JPEG'],
      ['a text file renamed .png', Buffer.from('这不是图片 logo.png\n'), 'PNG 或 JPEG'],
      ['a truncated PNG', png.subarray(0, png.length - 20), '已损坏'],
      ['a JPEG cut short', smallJpeg.subarray(0, 400), '已损坏'],
      ['a PNG over 256 KB', noise, '256 KB'],
      ['a PNG wider than 2000 pixels', makePng({ width: 2001, height: 2, colorType: 0 }), '2000 × 2000'],
    ];
    for (const [name, bytes, words] of cases) {
      const res = await upload(adminZh, bytes, kept.body.version);
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe('VALIDATION_FAILED');
      expect(errorAt(res, 'image'), name).toContain(words);
    }
    // In English for an English caller.
    expect(errorAt(await upload(org.admin, smallGif, kept.body.version), 'image')).toBe('Only a PNG or JPEG image can be the logo.');
    // Not base64, an unknown type, a missing version: field by field.
    const bad = await org.admin.put('/api/v1/settings/company/logo', { image: 'data:image/png;base64,AAAA', contentType: 'image/gif' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['contentType', 'image', 'version']);
    expect(await settings()).toEqual(kept.body);
    expect((await download(t, org.admin, '/api/v1/settings/company/logo')).bytes.equals(png)).toBe(true);
    expect((await org.admin.delete(`/api/v1/settings/company/logo?version=${kept.body.version}`)).status).toBe(204);
  });

  it('two uploads with the same version at once: one is saved, the other is a 409', async () => {
    const { version } = await settings();
    const answers = await Promise.all([upload(org.admin, png, version), upload(org.admin, smallJpeg, version, 'image/jpeg')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)?.body as CompanySettings;
    expect(await settings()).toEqual(winner);
    const stored = await download(t, org.admin, '/api/v1/settings/company/logo');
    expect(stored.bytes.equals(winner.logo?.width === 40 ? png : smallJpeg)).toBe(true);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * The built web app (issue 11, a fast first page): the build's brotli and gzip copies are sent to
 * browsers that take them, with Vary: Accept-Encoding; hashed bundles are immutable for a year,
 * index.html is revalidated; a missing bundle is a 404, not the app's page.
 */
let t: TestApp;
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-web-'));
const script = `console.log(${JSON.stringify('客户'.repeat(500))});`;
const html = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-Bx3k9aQz.js"></script>';

function writeWithCopies(file: string, content: string) {
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
}

beforeAll(async () => {
  fs.mkdirSync(path.join(webDist, 'assets'));
  writeWithCopies(path.join(webDist, 'index.html'), html);
  writeWithCopies(path.join(webDist, 'assets', 'index-Bx3k9aQz.js'), script);
  t = await createTestApp({ env: { CRM_WEB_DIST: webDist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('serving the web app', () => {
  it('a hashed bundle: brotli, else gzip, else plain; immutable for a year; Vary: Accept-Encoding', async () => {
    const br = await get('/assets/index-Bx3k9aQz.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-Bx3k9aQz.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // A page's policies and the validators are left off a bundle (bytes on every request of a
    // phone); its type, caching and nosniff stay.
    for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'etag', 'last-modified', 'accept-ranges']) {
      expect(br.headers[name], name).toBeUndefined();
    }
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['content-length']).toBe(String(br.rawPayload.length));

    const plain = await get('/assets/index-Bx3k9aQz.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('index.html, at / and for every page of the app, compressed and revalidated on each load', async () => {
    for (const url of ['/', '/customers/7', '/login']) {
      const page = await get(url, 'br, gzip');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers.vary).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toBe(html);
      // The page keeps its policy and a validator.
      expect(page.headers['content-security-policy']).toBeDefined();
      expect(page.headers.etag).toBeDefined();
    }
  });

  it('a bundle that is not there (an old build) is a 404, not the app page; so is an unknown API path', async () => {
    expect((await get('/assets/index-Old12345.js', 'br')).statusCode).toBe(404);
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * Security headers (issue 10, finding 18): a Content-Security-Policy with scripts from this server
 * only, no framing but of the public web form's page, nosniff and a Referrer-Policy, on the web
 * app, the API and the API docs alike.
 */
let t: TestApp;
/** A stand-in for the built web app, so that its pages are served as in production. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  t = await createTestApp({ env: { CRM_WEB_DIST: webDist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const policyOf = (headers: Record<string, unknown>) =>
  new Map(String(headers['content-security-policy']).split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }));

describe('security headers', () => {
  it('the web app: scripts from this server only, inline styles for Ant Design, no framing', async () => {
    const page = await get('/customers/7');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const policy = policyOf(page.headers);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Not no-referrer: that would make the browser send `Origin: null`, refused as cross-site.
    expect(page.headers['referrer-policy']).toBe('same-origin');
    // Plain HTTP here: no HSTS unless CRM_SECURE_COOKIES says the server is behind HTTPS.
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('the public web form’s page may be framed by any site; the rest of the policy stays', async () => {
    for (const url of ['/f/abc123', '/f/abc123?utm=site']) {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      const policy = policyOf(page.headers);
      expect(policy.get('frame-ancestors')).toEqual(['*']);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(page.headers['x-frame-options']).toBeUndefined();
    }
    expect(policyOf((await get('/f/abc123/more')).headers).get('frame-ancestors')).toEqual(["'none'"]);
    expect(policyOf((await get('/forms')).headers).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the API and its docs carry them too; the docs page has no inline script', async () => {
    const health = await get('/api/v1/health');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(policyOf(health.headers).get('frame-ancestors')).toEqual(["'none'"]);
    const docs = await get('/api/docs');
    expect(docs.body).not.toMatch(/<script>/);
    expect(docs.body).toContain('<script src="/api/docs/start.js"></script>');
    const start = await get('/api/docs/start.js');
    expect(start.statusCode).toBe(200);
    expect(start.headers['content-type']).toMatch(/javascript/);
    expect(start.body).toContain('SwaggerUIBundle');
  });

  it('HSTS behind HTTPS', async () => {
    const secure = await createTestApp({ env: { CRM_SECURE_COOKIES: '1' } });
    try {
      expect((await secure.app.inject({ method: 'GET', url: '/api/v1/health' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });
});

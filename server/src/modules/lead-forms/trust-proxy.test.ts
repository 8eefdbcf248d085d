import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * Behind a reverse proxy every request arrives from the proxy's address. With CRM_TRUST_PROXY the
 * visitor's address comes from X-Forwarded-For, so the per-IP web-form limit applies per visitor.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

async function formApp(env: NodeJS.ProcessEnv) {
  const t = await createTestApp({ env: { CRM_FORM_RATE_LIMIT: '2/10', ...env } });
  apps.push(t);
  const admin = await t.login();
  const form = (await admin.post('/api/v1/lead-forms', { name: '代理表单', fields: [{ field: 'name', required: true }], thankYou: '谢谢' })).body;
  const submit = (visitor: string, n: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/forms/${form.token}`,
      remoteAddress: '10.0.0.5',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': visitor },
      payload: JSON.stringify({ values: { name: `访客${n}` } }),
    });
  return submit;
}

describe('client address behind a proxy', () => {
  it('with the proxy trusted (CRM_TRUST_PROXY) each forwarded visitor has their own web-form limit', async () => {
    const submit = await formApp({ CRM_TRUST_PROXY: '10.0.0.0/8' });
    expect((await submit('203.0.113.1', 1)).statusCode).toBe(201);
    expect((await submit('203.0.113.1', 2)).statusCode).toBe(201);
    expect((await submit('203.0.113.1', 3)).statusCode).toBe(429);
    expect((await submit('203.0.113.2', 4)).statusCode).toBe(201);
  });

  it('without it the forwarded header is ignored: all visitors share the proxy address', async () => {
    const submit = await formApp({});
    expect((await submit('203.0.113.1', 1)).statusCode).toBe(201);
    expect((await submit('203.0.113.2', 2)).statusCode).toBe(201);
    expect((await submit('203.0.113.3', 3)).statusCode).toBe(429);
  });
});

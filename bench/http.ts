import { benchAdmin } from './setup.js';

export interface ApiClient {
  /** GET a path under the API and return the parsed JSON body; throws on a non-2xx answer. */
  get(path: string): Promise<unknown>;
  /** GET only for timing: the full body is read, not parsed. */
  fetchText(path: string): Promise<string>;
}

/** Log in as the benchmark administrator (data scope: all) and keep the session cookie. */
export async function login(baseUrl: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`Login failed (${res.status}): ${body}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('crm_session='));
  if (!session) throw new Error('Login answered without a crm_session cookie');
  const headers = { cookie: session, accept: 'application/json' };

  const fetchText = async (path: string) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, { headers });
    const text = await r.text();
    if (!r.ok) throw new Error(`GET ${path} answered ${r.status}: ${text.slice(0, 300)}`);
    return text;
  };
  return { fetchText, get: async (path) => JSON.parse(await fetchText(path)) as unknown };
}

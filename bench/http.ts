import http from 'node:http';
import { benchAdmin } from './setup.js';

export type ClientKind = 'http' | 'fetch';

export interface ApiClient {
  /** GET a path under /api/v1: the whole body as text; throws on a non-2xx answer. */
  fetchText(path: string): Promise<string>;
  close(): void;
}

interface Answer {
  status: number;
  body: string;
  cookies: string[];
}

/**
 * One keep-alive connection, sequential requests: the lightest client, so the time measured is the
 * server's. A GET that meets a connection the server has just closed (it closes one idle for longer
 * than its keep-alive timeout, 72 s, as after a long run of raw queries in this process) is sent
 * once more on a new connection: the server never saw it. Before this, that "socket hang up" (or
 * EPIPE, when the write comes first) ended the benchmark at 1,000,000 customers and looked like a
 * server that had died.
 */
export function keepAliveRequest(agent: http.Agent, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return sendOnce(agent, url, init).catch((error: unknown) => {
    if (init.method === 'GET' && error instanceof StaleSocketError) return sendOnce(agent, url, init);
    throw error;
  });
}

class StaleSocketError extends Error {}

function sendOnce(agent: http.Agent, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? [];
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookies: setCookie });
      });
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') ? new StaleSocketError(error.message) : error);
    });
    req.end(init.body);
  });
}

async function fetchRequest(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text(), cookies: res.headers.getSetCookie() };
}

/** Log in (by default as the benchmark administrator, data scope: all) and keep the session cookie. */
export async function login(baseUrl: string, kind: ClientKind = 'http', credentials: { email: string; password: string } = benchAdmin): Promise<ApiClient> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) =>
    kind === 'fetch' ? fetchRequest(url, init) : keepAliveRequest(agent, url, init);
  const answer = await send(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (answer.status !== 200) throw new Error(`Login failed (${answer.status}): ${answer.body}`);
  const session = answer.cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('crm_session='));
  if (!session) throw new Error('Login answered without a crm_session cookie');
  const headers = { cookie: session, accept: 'application/json' };
  return {
    async fetchText(path) {
      const r = await send(`${baseUrl}/api/v1${path}`, { method: 'GET', headers });
      if (r.status < 200 || r.status > 299) throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
      return r.body;
    },
    close: () => agent.destroy(),
  };
}

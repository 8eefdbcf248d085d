import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveRequest } from './http.js';

/**
 * The "server that died" under the 1,000,000-customer benchmark: the bench's client reused a
 * keep-alive connection that the server had closed while the bench process was busy (raw queries
 * run synchronously, so the close was never read). Reproduced small: a server in its own process
 * with a 2 s keep-alive timeout (its Keep-Alive header tells the client 2 s: the client's own timer
 * would drop the connection at 1 s, but a blocked process runs no timers), and a client that
 * blocks for 5 s between requests (the server closes the idle connection a little after its 2 s).
 */
let server: ChildProcess;
let baseUrl = '';

beforeAll(async () => {
  const code = `
    const http = require('node:http');
    const s = http.createServer((req, res) => res.end('ok'));
    s.keepAliveTimeout = 2000;
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => server.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  baseUrl = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.kill();
});

function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // Busy, as a synchronous raw query is: no I/O is read meanwhile.
  }
}

describe('bench client on a connection the server closed', () => {
  it('sends the GET again on a new connection instead of failing', { timeout: 30_000 }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let round = 0; round < 2; round++) {
        const answer = await keepAliveRequest(agent, `${baseUrl}/`, { method: 'GET', headers: {} });
        expect(answer.body).toBe('ok');
        blockFor(5000);
      }
    } finally {
      agent.destroy();
    }
  });
});

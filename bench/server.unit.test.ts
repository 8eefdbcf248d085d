import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer, type ServerHandle } from './server.js';

/**
 * The "server that died" under the benchmark (issue 10) printed nothing: the bench dropped the
 * output of a server that died. Now a server that dies mid-run says how (exit code or signal) and
 * what it printed last, and its memory stays readable (the sampler crashed on a gone process).
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-dies-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a benchmark server that dies', () => {
  it('is reported with its signal and last output; its memory reads as last seen', { timeout: 180_000 }, async () => {
    const previous = process.env.BENCH_TSX;
    process.env.BENCH_TSX = '1'; // the sources: no build needed for this test
    let server: ServerHandle;
    try {
      server = await startServer({ CRM_DATA_DIR: dataDir });
    } finally {
      if (previous === undefined) delete process.env.BENCH_TSX;
      else process.env.BENCH_TSX = previous;
    }
    const alive = server.memory();
    expect(alive.rssMb).toBeGreaterThan(0);
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      process.kill(server.pid, 'SIGKILL'); // as the out-of-memory killer would
      await vi.waitFor(() => expect(written.join('')).toContain(`The server (pid ${server.pid}) was killed by SIGKILL`), { timeout: 10_000, interval: 50 });
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/\(the out-of-memory killer\?\)\. Its last output:\n/);
    // The sampler keeps going on the last memory read instead of throwing on /proc/<pid>.
    expect(server.memory()).toEqual(alive);
    await server.stop();
  });
});

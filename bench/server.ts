import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './options.js';
import { benchAdmin } from './setup.js';

export interface Memory {
  /** Resident set now, in MB. */
  rssMb: number;
  /** Peak resident set since the process started (VmHWM), in MB. */
  peakMb: number;
}

export interface ServerHandle {
  pid: number;
  baseUrl: string;
  /** Its memory now, or as last read once it has gone. */
  memory(): Memory;
  /** The last lines the server printed (errors of a failed import, for one; kept up to 64 KB). */
  output(): string;
  stop(): Promise<void>;
}

/** How much of the server's last output is kept: enough for a stack trace and the log lines before it. */
const outputBytes = 64 * 1024;

/** The last `size` bytes a process printed (stdout and stderr interleaved as they came), from a whole line on. */
class OutputRing {
  private chunks: Buffer[] = [];
  private bytes = 0;
  constructor(private readonly size: number) {}

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.chunks.length > 1 && this.bytes - (this.chunks[0]?.length ?? 0) >= this.size) this.bytes -= this.chunks.shift()?.length ?? 0;
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    const tail = all.subarray(Math.max(0, all.length - this.size)).toString('utf8');
    return all.length > this.size ? tail.slice(tail.indexOf('\n') + 1) : tail;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The process's memory now; null once it has gone (the sampler must not crash the bench). */
function readMemory(pid: number): Memory | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Node's flags, environment and server/dist/main.mjs, as `npm start` runs it (compiled first when missing or older than its sources). */
async function compiledServer(): Promise<{ args: string[]; env: Record<string, string> }> {
  // @ts-expect-error: a build script of plain JavaScript, without type declarations
  const build = (await import('../scripts/build-server.mjs')) as { buildServer: () => Promise<void>; serverIsStale: () => boolean; serverNodeFlags: string[]; serverEnv: Record<string, string> };
  if (build.serverIsStale()) await build.buildServer();
  return { args: [...build.serverNodeFlags, path.join(repoRoot, 'server', 'dist', 'main.mjs')], env: build.serverEnv };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The real server in its own process (compiled, as `npm start` runs it), on a free loopback
 * port, so its memory is its own. Resolves once /api/v1/health answers.
 */
export async function startServer(databaseEnv: { CRM_DATA_DIR: string } | { DATABASE_URL: string }): Promise<ServerHandle> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'CRM_DATA_DIR', 'CRM_DEMO', 'CRM_WEB_DIST']) delete env[key];
  Object.assign(env, databaseEnv, {
    PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production',
    CRM_ADMIN_EMAIL: benchAdmin.email, CRM_ADMIN_PASSWORD: benchAdmin.password,
  });
  // The server as `npm start` runs it: compiled to plain JavaScript (rebuilt when older than its
  // sources). BENCH_TSX=1 runs the TypeScript sources through tsx instead, as `npm run dev` does.
  const compiled = process.env.BENCH_TSX ? null : await compiledServer();
  const entry = compiled ? compiled.args : ['--import', 'tsx', 'server/src/main.ts'];
  if (compiled) Object.assign(env, { ...compiled.env, ...env });
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : []), ...entry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputRing(outputBytes);
  child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
  let stopping = false;
  // A server that dies mid-run says why: its exit code or signal and what it printed last
  // ('close' comes once its output is read to the end).
  child.once('close', (code, signal) => {
    if (stopping) return;
    const how = signal ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (the out-of-memory killer?)' : ''}` : `exited with code ${code}`;
    process.stderr.write(`\nThe server (pid ${child.pid}) ${how}. Its last output:\n${output.text() || '(nothing)'}\n`);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start the server');
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output.text()}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 2 minutes:\n${output.text()}`);
    }
    await sleep(100);
  }

  let lastMemory: Memory = { rssMb: Number.NaN, peakMb: Number.NaN };
  return {
    pid,
    baseUrl,
    memory: () => (lastMemory = readMemory(pid) ?? lastMemory),
    output: () => output.text(),
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

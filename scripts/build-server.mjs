#!/usr/bin/env node
// Compile the server (server/src + contracts/src) into plain JavaScript in server/dist with esbuild:
// main.mjs, beside it the import worker thread's worker-thread.mjs and the analytics thread's
// analytics-thread.mjs (the server starts them by those names), and shared chunks. Packages of node_modules stay imports (they are JavaScript already).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'server', 'dist');
const sources = [path.join(root, 'server', 'src'), path.join(root, 'contracts', 'src')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Node's flags for the compiled server (`npm start`, the benchmark): a young generation of 4 MB
 * semi-spaces instead of V8's default (16 MB or more), which held the server at 215 MB idle with
 * 65 MB live; 169 MB with this. Requests make little garbage each, so the extra scavenges cost
 * nothing measurable; the import thread sets its own young generation.
 */
export const serverNodeFlags = ['--max-semi-space-size=4'];

/**
 * The environment the compiled server adds to its own: glibc's malloc gives each thread that
 * allocates its own 64 MB arena, and the server's threads (requests, the import thread's SQLite
 * page cache and heap, the analytics thread, libuv's pool) left their arenas partly used: two
 * arenas for all took the 1,000,000-customer update import's peak from 448-459 MB to 399-408 MB
 * at the same speed. Other platforms ignore it.
 */
export const serverEnv = { MALLOC_ARENA_MAX: '2' };

export function serverIsStale() {
  const built = path.join(outdir, 'main.mjs');
  if (!fs.existsSync(built)) return true;
  return Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
}

export async function buildServer() {
  const started = performance.now();
  const server = JSON.parse(fs.readFileSync(path.join(root, 'server', 'package.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/src/main.ts', 'worker-thread': 'server/src/modules/imports/worker-thread.ts', 'analytics-thread': 'server/src/modules/analytics/analytics-thread.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // The workspace's contracts are TypeScript: compiled in. Every other package is loaded from node_modules.
    external: Object.keys(server.dependencies).filter((name) => !name.startsWith('@crm/')),
    // Chunks beside the entries: the code's import.meta.url (the web app's folder, the worker
    // thread's file) then points where it did in server/src, two folders below the root.
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
  });
  console.log(`Server compiled to server/dist in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();

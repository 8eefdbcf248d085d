#!/usr/bin/env node
// `npm test`: the whole suite. SQLite and the web's unit tests always; PostgreSQL when
// CRM_TEST_DATABASE_URL is set; browser journeys when Chromium is found. What is skipped is said, not hidden.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, webIsStale } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projects = ['sqlite', 'web'];
const skipped = [];

if (process.env.CRM_TEST_DATABASE_URL) projects.push('postgres');
else skipped.push('PostgreSQL API tests skipped: set CRM_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them.');

const chromium = process.env.CRM_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (chromium) {
  projects.push('e2e');
  if (webIsStale()) buildWeb();
} else {
  skipped.push('Browser tests skipped: Chromium not found (install Debian\'s chromium package or set CRM_CHROMIUM).');
}

for (const line of skipped) console.log(`NOTE: ${line}`);
const env = { ...process.env, ...(chromium ? { CRM_CHROMIUM: chromium } : {}) };
const extra = process.argv.slice(2);
const vitest = (names, more) => ['vitest', 'run', ...names.flatMap((p) => ['--project', p]), ...more];

// The whole suite with the browser: the journeys run one at a time in their own Vitest process,
// beside the API suites (also one file at a time). Two journeys at once on 2 cores (two servers,
// two Chromiums) left clicks landing on drawers and menus still opening; one journey beside one
// API file keeps both cores busy. Asking for particular files (or other options) runs one Vitest as given.
const wholeSuite = extra.every((a) => a.startsWith('--maxWorkers'));
let status;
if (projects.includes('e2e') && wholeSuite) {
  const run = (names) =>
    new Promise((resolve) => {
      const child = spawn('npx', vitest(names, ['--maxWorkers=1']), { cwd: root, stdio: 'inherit', env });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  const codes = await Promise.all([run(projects.filter((p) => p !== 'e2e')), run(['e2e'])]);
  status = codes.every((c) => c === 0) ? 0 : 1;
} else {
  status = spawnSync('npx', vitest(projects, extra), { cwd: root, stdio: 'inherit', env }).status ?? 1;
}
for (const line of skipped) console.log(`NOTE: ${line}`);
process.exit(status);

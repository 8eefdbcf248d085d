#!/usr/bin/env node
// `npm test`: the whole suite. SQLite and the web's unit tests always; PostgreSQL when
// CRM_TEST_DATABASE_URL is set; browser journeys when Chromium is found. What is skipped is said, not hidden.
import { spawnSync } from 'node:child_process';
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
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...(chromium ? { CRM_CHROMIUM: chromium } : {}) } });
for (const line of skipped) console.log(`NOTE: ${line}`);
process.exit(result.status ?? 1);

/**
 * Writes the OpenAPI document the app serves to a file (argument 1), for `scripts/openapi-lint.mjs`.
 * The app is built as the tests build it, on a throw-away SQLite database: no server, no network.
 */
import fs from 'node:fs';
import { createTestApp } from './harness.js';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx server/src/test/openapi-document.ts <file.json>');
const t = await createTestApp();
try {
  const res = await t.anonymous().get('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  fs.writeFileSync(out, `${JSON.stringify(res.body, null, 2)}\n`);
} finally {
  await t.close();
}

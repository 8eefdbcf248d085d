import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './platform/config.js';
import { createDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { password } from './test/fixtures.js';
import { Agent, freshDatabase, testEngine } from './test/harness.js';

/** Servers started together on one empty database: each migrates, then makes its first-start checks, as main.ts does. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
afterAll(() => fresh.drop());

describe('servers started together on an empty database', () => {
  it('all come up, with one set of built-in roles and one administrator', async () => {
    fresh = await freshDatabase();
    const config = {
      ...loadConfig({ CRM_DATA_DIR: fresh.dataDir, CRM_WEB_DIST: path.join(fresh.dataDir, 'no-web'), CRM_ADMIN_EMAIL: 'first@example.com', CRM_ADMIN_PASSWORD: password }),
      engine: testEngine,
      databaseUrl: fresh.databaseUrl,
    };
    const databases: Database[] = [fresh.database, ...[1, 2].map(() => createDatabase(config, { poolSize: 3 }))];
    const start = async (database: Database) => {
      await migrate(database);
      const { app, ctx } = await buildApp({ config, database });
      await bootstrap(ctx, () => undefined);
      await app.ready();
      return app;
    };
    const started = await Promise.allSettled(databases.map(start));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up', 'up']);
      const { db } = fresh.database;
      expect((await db.selectFrom('users').select('email').execute()).map((u) => u.email)).toEqual(['first@example.com']);
      const roles = (await db.selectFrom('roles').select('key').execute()).map((r) => r.key);
      expect(roles.length).toBe(new Set(roles).size);
      for (const s of started) {
        if (s.status !== 'fulfilled') continue;
        const agent = new Agent(s.value);
        expect((await agent.post('/api/v1/auth/login', { email: 'first@example.com', password })).status).toBe(200);
      }
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await s.value.close();
      for (const d of databases.slice(1)) await d.close();
    }
  });
});

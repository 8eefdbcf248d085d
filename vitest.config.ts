import { defineConfig } from 'vitest/config';

const serverTests = ['server/src/**/*.test.ts', 'contracts/src/**/*.test.ts', 'bench/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: serverTests, env: { CRM_TEST_ENGINE: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'postgres', include: ['server/src/**/*.test.ts'], exclude: ['server/src/**/*.unit.test.ts'], env: { CRM_TEST_ENGINE: 'postgres' } },
      },
      // The web's pure logic (URL params, board and forecast models): no DOM, no server.
      { extends: true, test: { name: 'web', include: ['web/src/**/*.unit.test.ts'], environment: 'node' } },
      // A journey is a whole user story in a real browser (its own server, database and Chromium),
      // scheduled beside the API suites' files rather than after them: its time limit is generous
      // (not a performance check; npm run bench measures speed).
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], testTimeout: 240_000, hookTimeout: 300_000 } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

const serverTests = ['server/src/**/*.test.ts', 'contracts/src/**/*.test.ts', 'bench/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The API suites and the journeys share one module cache per worker (isolate: false): every
    // file builds its own app on its own database, so nothing leaks between files, and loading the
    // server once per worker rather than once per file took 24 API files from 63 s to 19 s on 2 cores.
    projects: [
      { extends: true, test: { name: 'sqlite', include: serverTests, isolate: false, env: { CRM_TEST_ENGINE: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'postgres', include: ['server/src/**/*.test.ts'], exclude: ['server/src/**/*.unit.test.ts'], isolate: false, env: { CRM_TEST_ENGINE: 'postgres' } },
      },
      // The web's pure logic (URL params, board and forecast models): no DOM, no server.
      { extends: true, test: { name: 'web', include: ['web/src/**/*.unit.test.ts'], environment: 'node' } },
      // A journey is a whole user story in a real browser (its own server, database and Chromium),
      // scheduled beside the API suites' files rather than after them: its time limit is generous
      // (not a performance check; npm run bench measures speed).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          isolate: false,
          testTimeout: 240_000,
          hookTimeout: 300_000,
          // expect.poll gives up after 1 s by default: a page that renders slower on a loaded machine is not a failure.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});

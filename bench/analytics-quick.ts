/**
 * `npx tsx bench/analytics-quick.ts [customers] [transactions]` (SQLite; CRM_TEST_ENGINE=postgres with
 * CRM_TEST_DATABASE_URL for PostgreSQL): a fresh database with generated customers and imported
 * purchases, then the steps of one analytics run timed one by one (in the run's work table, as the server's run computes). Not part of
 * `npm run bench` yet (the target: 1,000,000 customers, 20,000,000 transactions, < 60 s).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { analyticsDefaults } from '@crm/contracts';
import { assessQuadrants, classifyCustomers, insertFacts } from '../server/src/modules/analytics/analytics.compute.js';
import { createWork, dropWork, publishWork } from '../server/src/modules/analytics/analytics.work.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { freshDatabase, testEngine } from '../server/src/test/harness.js';

const customers = Number(process.argv[2] ?? 100_000);
const transactions = Number(process.argv[3] ?? 1_000_000);
const fresh = await freshDatabase();
await migrate(fresh.database);
const db = fresh.database.db;
const at = '2026-12-06T00:00:00.000Z';
const t0 = performance.now();
if (testEngine === 'sqlite') {
  await sql`insert into customers (archive_no, kind, name, category, status, lifecycle_stage, tags, person, organization, search_key, version, created_at, updated_at, owner_id)
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${customers})
    select 'KH' || i, 'organization', 'c' || i, 'enterprise', 'potential', 'exploration', '[]', '{}', '{}', '', 1, ${at}, ${at}, null from seq`.execute(db);
  await sql`insert into purchase_history (customer_id, purchased_on, amount, cost, created_at)
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${transactions})
    select abs(random()) % ${customers} + 1, date('2026-12-06', '-' || (abs(random()) % 1100) || ' days'), (abs(random()) % 1000 + 1) * 1000,
      case when random() % 3 = 0 then (abs(random()) % 1000 + 1) * 600 end, ${at} from seq`.execute(db);
} else {
  await sql`insert into customers (archive_no, kind, name, category, status, lifecycle_stage, tags, person, organization, search_key, version, created_at, updated_at, owner_id)
    select 'KH' || i, 'organization', 'c' || i, 'enterprise', 'potential', 'exploration', '[]', '{}', '{}', '', 1, ${at}, ${at}, null from generate_series(1, ${customers}) i`.execute(db);
  await sql`insert into purchase_history (customer_id, purchased_on, amount, cost, created_at)
    select floor(random() * ${customers})::int + 1, to_char(date '2026-12-06' - floor(random() * 1100)::int, 'YYYY-MM-DD'), (floor(random() * 1000) + 1)::bigint * 1000,
      case when random() < 0.33 then (floor(random() * 1000) + 1)::bigint * 600 end, ${at} from generate_series(1, ${transactions}) i`.execute(db);
  await sql`analyze`.execute(db);
}
console.log(`seeded ${customers} customers, ${transactions} purchases in ${Math.round(performance.now() - t0)} ms (${testEngine})`);
const run = await db.insertInto('analytics_runs').values({ status: 'running', reason: 'manual', as_of: '2026-12-06', active: 1, steps_total: 2, settings: '{}', started_at: at, heartbeat_at: at, requested_by: null }).returning('id').executeTakeFirstOrThrow();
const time = async (name: string, f: () => Promise<void>) => {
  const start = performance.now();
  await f();
  console.log(`${name}: ${Math.round(performance.now() - start)} ms`);
};
const total = performance.now();
await createWork(db, testEngine);
await time('facts', () => insertFacts(db, testEngine, run.id, '2026-12-06', analyticsDefaults));
await time('classes and potential', () => classifyCustomers(db, testEngine, run.id, '2026-12-06', analyticsDefaults));
await time('quadrants', () => assessQuadrants(db, testEngine, run.id, analyticsDefaults));
await time('publish', async () => {
  await publishWork(db, testEngine, run.id, async () => {});
});
await dropWork(db);
console.log(`run: ${Math.round(performance.now() - total)} ms`);
await fresh.drop();

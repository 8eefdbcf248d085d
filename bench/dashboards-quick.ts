/**
 * `npx tsx bench/dashboards-quick.ts [customers] [transactions]` (SQLite; CRM_TEST_ENGINE=postgres with
 * CRM_TEST_DATABASE_URL for PostgreSQL): a fresh company with generated customers (one in 20 owned
 * by one salesperson, the rest by another user) and imported purchases, one analytics run, then
 * each dashboard's figures timed for the `all` scope and for the salesperson (`own`). Not part of
 * `npm run bench` yet (the target: each dashboard under 500 ms at 1,000,000 customers).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { analyticsDefaults, type Permission } from '@crm/contracts';
import type { Actor } from '../server/src/platform/auth/actor.js';
import { assessQuadrants, classifyCustomers, insertFacts } from '../server/src/modules/analytics/analytics.compute.js';
import { createWork, dropWork, publishWork } from '../server/src/modules/analytics/analytics.work.js';
import * as dashboard from '../server/src/modules/analytics/analytics.dashboard.js';
import { createTestApp, testEngine } from '../server/src/test/harness.js';

const customers = Number(process.argv[2] ?? 100_000);
const transactions = Number(process.argv[3] ?? 1_000_000);
const t = await createTestApp();
const db = t.ctx.db;
const at = '2026-12-06T00:00:00.000Z';
const admin = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
const seller = admin.id;
const t0 = performance.now();
if (testEngine === 'sqlite') {
  await sql`insert into customers (archive_no, kind, name, category, status, lifecycle_stage, tags, person, organization, search_key, version, created_at, updated_at, owner_id, province, industry)
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${customers})
    select 'KH' || i, 'organization', 'c' || i, 'enterprise', 'potential', 'exploration', '[]', '{}', '{}', '', 1,
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-06', '-' || (i % 700) || ' days'), ${at}, case when i % 20 = 0 then ${seller} else null end, 'p' || (i % 31), 'i' || (i % 20) from seq`.execute(db);
  await sql`insert into purchase_history (customer_id, purchased_on, amount, cost, created_at)
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${transactions})
    select abs(random()) % ${customers} + 1, date('2026-12-06', '-' || (abs(random()) % 1100) || ' days'), (abs(random()) % 1000 + 1) * 1000, null, ${at} from seq`.execute(db);
} else {
  await sql`insert into customers (archive_no, kind, name, category, status, lifecycle_stage, tags, person, organization, search_key, version, created_at, updated_at, owner_id, province, industry)
    select 'KH' || i, 'organization', 'c' || i, 'enterprise', 'potential', 'exploration', '[]', '{}', '{}', '', 1,
      to_char(timestamp '2026-12-06' - (i % 700) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${at}, case when i % 20 = 0 then ${seller} end, 'p' || (i % 31), 'i' || (i % 20)
    from generate_series(1, ${customers}) i`.execute(db);
  await sql`insert into purchase_history (customer_id, purchased_on, amount, cost, created_at)
    select floor(random() * ${customers})::int + 1, to_char(date '2026-12-06' - floor(random() * 1100)::int, 'YYYY-MM-DD'), (floor(random() * 1000) + 1)::bigint * 1000, null, ${at}
    from generate_series(1, ${transactions}) i`.execute(db);
  await sql`analyze`.execute(db);
}
console.log(`seeded ${customers} customers, ${transactions} purchases in ${Math.round(performance.now() - t0)} ms (${testEngine})`);
const run = await db.insertInto('analytics_runs').values({ status: 'running', reason: 'manual', as_of: '2026-12-06', active: 1, steps_total: 2, settings: JSON.stringify(analyticsDefaults), started_at: at, heartbeat_at: at, requested_by: null }).returning('id').executeTakeFirstOrThrow();
await createWork(db, testEngine);
await insertFacts(db, testEngine, run.id, '2026-12-06', analyticsDefaults);
await classifyCustomers(db, testEngine, run.id, '2026-12-06', analyticsDefaults);
await assessQuadrants(db, testEngine, run.id, analyticsDefaults);
await publishWork(db, testEngine, run.id, async () => {});
await dropWork(db);
await db.updateTable('analytics_runs').set({ status: 'done', active: null, finished_at: at, steps_done: 2 }).where('id', '=', run.id).execute();

const actor = (dataScope: Actor['dataScope']): Actor => ({
  userId: seller, name: 'bench', roleId: 1, roleKey: 'bench', permissions: new Set<Permission>(['analytics.view']), dataScope, departmentId: null, departmentPath: null, locale: 'zh-CN',
});
const page = { page: 1, pageSize: 20 };
for (const [who, a] of [['all', actor('all')], ['own', actor('own')]] as const) {
  const time = async (name: string, f: () => Promise<unknown>) => {
    const start = performance.now();
    await f();
    console.log(`${who.padEnd(4)} ${name}: ${Math.round(performance.now() - start)} ms`);
  };
  await time('composition', () => dashboard.composition(t.ctx, a, { province: 'p1' }, 'zh-CN'));
  await time('composition/customers', () => dashboard.compositionCustomers(t.ctx, a, { ...page, dimension: 'province', key: 'p1' }));
  await time('revenue', () => dashboard.revenueByMonth(t.ctx, a, {}, 'zh-CN'));
  await time('revenue/customers', () => dashboard.revenueCustomers(t.ctx, a, { ...page, month: '2026-11' }));
  await time('abc', () => dashboard.abcPareto(t.ctx, a, { limit: 50 }));
  await time('value-pyramid', () => dashboard.valuePyramid(t.ctx, a, {}));
  await time('rfm', () => dashboard.rfmSegmentsChart(t.ctx, a, {}));
  await time('churn', () => dashboard.churnList(t.ctx, a, page));
}
await t.close();

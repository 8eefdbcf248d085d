import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { DB } from '../server/src/platform/db/schema.js';
import * as repo from '../server/src/modules/opportunities/opportunities.repository.js';
import { ownerScope } from '../server/src/platform/auth/scope.js';
const sqlite = new SQLite('/tmp/oppbench/crm.sqlite');
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
const dept = sqlite.prepare("select id, path from departments where name = 'G0'").get() as { id: number; path: string };
const stage = sqlite.prepare("select id from pipeline_stages where kind = 'won'").get() as { id: number };
const open1 = sqlite.prepare("select id from pipeline_stages where kind = 'open' order by position limit 1").get() as { id: number };
const today = new Date().toISOString().slice(0, 10);
const f: repo.OpportunityFilter = { scope: null, today, departmentId: dept.id, pipelineId: 1 };
const mgr = ownerScope({ dataScope: 'department', departmentId: dept.id, departmentPath: dept.path, userId: 1 } as never, 'o.owner_id');
const qs: Record<string, { sql: string; parameters: readonly unknown[] }> = {
  totalsDept: repo.boardTotalsQuery(db, f).compile(),
  totalsMgr: repo.boardTotalsQuery(db, { ...f, departmentId: undefined, scope: mgr }).compile(),
  totalsAll: repo.boardTotalsQuery(db, { scope: null, today, pipelineId: 1 }).compile(),
  cardsWonDept: repo.boardCardsQuery(db, f, stage.id, 20, true).compile(),
  cardsOpenDept: repo.boardCardsQuery(db, f, open1.id, 20, false).compile(),
  cardsOpenAll: repo.boardCardsQuery(db, { scope: null, today, pipelineId: 1 }, open1.id, 20, false).compile(),
  forecastAll: repo.forecastQuery(db, { scope: null, from: '2026-11', to: '2027-10' }).compile(),
};
const only = process.env.ONLY;
for (const [name, q] of Object.entries(qs)) {
  if (only && !name.includes(only)) continue;
  const params = q.parameters as unknown[];
  console.log(`--- ${name}`);
  for (const r of sqlite.prepare(`explain query plan ${q.sql}`).all(...params) as Array<{ detail: string }>) console.log('   ', r.detail);
  const st = sqlite.prepare(q.sql);
  const t = performance.now();
  for (let i = 0; i < 5; i++) st.all(...params);
  console.log(`    ${((performance.now() - t) / 5).toFixed(1)} ms`);
}

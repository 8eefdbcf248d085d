import SQLite from 'better-sqlite3';
import pg from 'pg';
import { prng } from '../server/src/modules/demo/names.js';
import type { Database } from '../server/src/platform/db/database.js';
import { searchKeyOf } from '../server/src/platform/search.js';

/** What the opportunity generator needs from the seeded organisation. */
export interface SalesShape {
  seed: number;
  ownerIds: number[];
  customerCount: number;
  /** The default pipeline's stages in board order: open ones, then won, then lost. */
  stages: Array<{ id: number; kind: string; probability: number }>;
  pipelineId: number;
  adminId: number;
  now: Date;
}

const columns = [
  'name', 'customer_id', 'pipeline_id', 'stage_id', 'status', 'owner_id', 'amount', 'currency', 'amount_base', 'probability',
  'expected_close_date', 'forecast_category', 'forecast_month', 'source', 'competitors', 'won_amount', 'won_amount_base', 'lost_reason', 'closed_on',
  'stage_entered_at', 'search', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
] as const;
type Column = (typeof columns)[number];
type Row = Record<Column, string | number | null>;
const integerColumns = new Set<Column>(['customer_id', 'pipeline_id', 'stage_id', 'owner_id', 'probability', 'version', 'created_by', 'updated_by']);
const bigintColumns = new Set<Column>(['amount', 'amount_base', 'won_amount', 'won_amount_base']);

const products = ['ERP 实施', 'CRM 订阅', '数据中台', '年度维保', '硬件采购', 'Cloud migration', '培训服务', '定制开发'];
const day = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Deal number `i` (1-based): 15% open (expected to close in the next 12 months, spread over the
 * open stages), 50% won and 35% lost (closed over the last four years). Amounts from ¥1,000 to
 * ¥2,000,000, one deal in twenty in US dollars.
 */
export function generateOpportunity(shape: SalesShape, i: number): Row {
  const rand = prng(shape.seed * 31 + i);
  const open = shape.stages.filter((s) => s.kind === 'open');
  const won = shape.stages.find((s) => s.kind === 'won');
  const lost = shape.stages.find((s) => s.kind === 'lost');
  if (!won || !lost || open.length === 0) throw new Error('the default pipeline needs open, won and lost stages');
  const r = rand();
  const status = r < 0.15 ? 'open' : r < 0.65 ? 'won' : 'lost';
  const stage = status === 'open' ? (open[Math.floor(rand() * open.length)] ?? won) : status === 'won' ? won : lost;
  const owner = shape.ownerIds[Math.floor(rand() * shape.ownerIds.length)] ?? shape.adminId;
  const usd = rand() < 0.05;
  const yuan = Math.round(1000 * Math.exp(rand() * Math.log(2000)));
  const amount = yuan * 100;
  const amountBase = usd ? Math.round(amount * 7.1) : amount;
  const nowMs = shape.now.getTime();
  const expected = status === 'open' ? nowMs + Math.floor(rand() * 365) * day : nowMs - Math.floor(rand() * 4 * 365) * day;
  const closedOn = status === 'open' ? null : isoDay(expected);
  const created = expected - (30 + Math.floor(rand() * 150)) * day;
  const c = rand();
  const category = status !== 'open' ? 'pipeline' : c < 0.5 ? 'pipeline' : c < 0.8 ? 'best_case' : 'commit';
  const name = `${products[i % products.length] ?? 'Deal'} #${i}`;
  return {
    name,
    customer_id: 1 + Math.floor(rand() * shape.customerCount),
    pipeline_id: shape.pipelineId,
    stage_id: stage.id,
    status,
    owner_id: owner,
    amount,
    currency: usd ? 'USD' : 'CNY',
    amount_base: amountBase,
    probability: stage.probability,
    expected_close_date: isoDay(expected),
    forecast_category: category,
    forecast_month: isoDay(expected).slice(0, 7),
    source: null,
    competitors: '[]',
    won_amount: status === 'won' ? amount : null,
    won_amount_base: status === 'won' ? amountBase : null,
    lost_reason: status === 'lost' ? 'price' : null,
    closed_on: closedOn,
    stage_entered_at: new Date(created + 10 * day).toISOString(),
    search: searchKeyOf(name),
    version: 1,
    created_at: new Date(created).toISOString(),
    updated_at: new Date(Math.min(nowMs, created + 20 * day)).toISOString(),
    created_by: shape.adminId,
    updated_by: shape.adminId,
  };
}

/** The default pipeline and its stages, as the migration created them. */
export async function readPipeline(database: Database): Promise<Pick<SalesShape, 'pipelineId' | 'stages'>> {
  const pipeline = await database.db.selectFrom('pipelines').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
  const stages = await database.db
    .selectFrom('pipeline_stages')
    .select(['id', 'kind', 'probability'])
    .where('pipeline_id', '=', pipeline.id)
    .orderBy('position')
    .execute();
  return { pipelineId: pipeline.id, stages };
}

export async function opportunityCount(database: Database): Promise<number> {
  const row = await database.db.selectFrom('opportunities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const batchSize = 10_000;

function progress(done: number, total: number, reported: { tenths: number }): void {
  const tenths = Math.floor((done * 10) / total);
  if (tenths > reported.tenths) {
    reported.tenths = tenths;
    process.stderr.write(`  seeded ${done.toLocaleString('en')} opportunities\n`);
  }
}

/** SQLite: one prepared insert, a transaction per batch, durability off while seeding. */
export function seedSqliteOpportunities(file: string, shape: SalesShape, count: number): void {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.exec('delete from opportunities');
  const insert = sqlite.prepare(`insert into opportunities (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i <= to; i++) insert.run(generateOpportunity(shape, i));
  });
  const reported = { tenths: 0 };
  for (let from = 1; from <= count; from += batchSize) {
    const to = Math.min(count, from + batchSize - 1);
    batch(from, to);
    progress(to, count, reported);
  }
  sqlite.exec('analyze');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/** PostgreSQL: INSERT … SELECT FROM unnest(arrays) per batch, asynchronous commit while seeding. */
export async function seedPostgresOpportunities(databaseUrl: string, shape: SalesShape, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query('truncate opportunities');
    const types = columns.map((c) => (integerColumns.has(c) ? 'int' : bigintColumns.has(c) ? 'bigint' : 'text'));
    const sql = `insert into opportunities (${columns.join(', ')}) select * from unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`;
    const reported = { tenths: 0 };
    for (let from = 1; from <= count; from += batchSize) {
      const to = Math.min(count, from + batchSize - 1);
      const rows: Row[] = [];
      for (let i = from; i <= to; i++) rows.push(generateOpportunity(shape, i));
      await client.query(sql, columns.map((c) => rows.map((r) => r[c])));
      progress(to, count, reported);
    }
    await client.query('vacuum analyze opportunities');
  } finally {
    await client.end();
  }
}

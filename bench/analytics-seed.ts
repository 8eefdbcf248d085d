import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The transactions of the analytics figure: `n` imported purchases (purchase_history, what a shop
 * or point-of-sale export leaves) over the live customers, on the days of the last three years
 * (1,100 days up to `today`). Half of them go to the first fifth of the customers (so revenue is
 * skewed, as ABC expects), amounts ¥10 to ¥10,000 with one in ten ten times larger, a cost on two
 * in three. Generated in SQL in one statement, the table's indexes dropped meanwhile and built once
 * at the end (a sort instead of 20 million random inserts into each). Not reproducible row for row
 * (the engines' random()), the same shape every time.
 */
export interface PurchaseShape {
  transactions: number;
  /** YYYY-MM-DD: no purchase after it. */
  today: string;
}

const days = 1100;

export function seedSqlitePurchases(file: string, shape: PurchaseShape): number {
  const sqlite = new SQLite(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -524288');
    sqlite.pragma('temp_store = FILE');
    const { lo, hi } = sqlite.prepare('select min(id) as lo, max(id) as hi from customers where deleted_at is null').get() as { lo: number; hi: number };
    const span = hi - lo + 1;
    const fifth = Math.max(1, Math.floor(span / 5));
    const indexes = sqlite.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'purchase_history' and sql is not null").all() as Array<{ name: string; sql: string }>;
    sqlite.exec('delete from purchase_history');
    for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
    sqlite.prepare(`
      insert into purchase_history (customer_id, purchased_on, amount, cost, product, source, created_at, created_by)
      with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ?)
      select ? + case when i % 2 = 0 then abs(random()) % ? else abs(random()) % ? end,
        date(?, '-' || (abs(random()) % ${days}) || ' days'),
        a, case when i % 3 = 0 then null else a * (40 + abs(random()) % 40) / 100 end,
        'P' || (i % 500), 'bench', ?, null
      from (select i, (abs(random()) % 1000 + 1) * case when abs(random()) % 10 = 0 then 10000 else 1000 end as a from seq)`)
      .run(shape.transactions, lo, fifth, span, shape.today, `${shape.today}T00:00:00.000Z`);
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.exec('analyze');
    return (sqlite.prepare('select count(*) as n from purchase_history').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

export async function seedPostgresPurchases(url: string, shape: PurchaseShape): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const { rows } = await client.query<{ lo: number; hi: number }>('select min(id)::int as lo, max(id)::int as hi from customers where deleted_at is null');
    const { lo, hi } = rows[0] ?? { lo: 1, hi: 1 };
    const span = hi - lo + 1;
    const fifth = Math.max(1, Math.floor(span / 5));
    const indexes = await client.query<{ name: string; sql: string }>("select indexname as name, indexdef as sql from pg_indexes where tablename = 'purchase_history' and schemaname = current_schema() and indexname not like '%_pkey'");
    await client.query('truncate purchase_history');
    for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
    await client.query(`
      insert into purchase_history (customer_id, purchased_on, amount, cost, product, source, created_at, created_by)
      select $1::int + case when i % 2 = 0 then floor(random() * $2::int)::int else floor(random() * $3::int)::int end,
        to_char($4::date - floor(random() * ${days})::int, 'YYYY-MM-DD'),
        a, case when i % 3 = 0 then null else a * (40 + floor(random() * 40)::bigint) / 100 end,
        'P' || (i % 500), 'bench', $5, null
      from (select i, (floor(random() * 1000) + 1)::bigint * case when random() < 0.1 then 10000 else 1000 end as a from generate_series(1, $6::int) i) g`,
    [lo, fifth, span, shape.today, `${shape.today}T00:00:00.000Z`, shape.transactions]);
    for (const index of indexes.rows) await client.query(index.sql);
    await client.query('analyze');
    const count = await client.query<{ n: string }>('select count(*) as n from purchase_history');
    return Number(count.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export function purchaseCount(file: string): number {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    return (sqlite.prepare('select count(*) as n from purchase_history').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

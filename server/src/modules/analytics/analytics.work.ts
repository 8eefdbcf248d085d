import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.js';

type Db = AppContext['db'];
type Engine = AppContext['engine'];

/**
 * A run computes in `analytics_work`, a temporary table of the run's own connection with the
 * columns of analytics_results (and `days`, `industry`, `category`, which its steps need): every step
 * rewrites all of its rows, which on SQLite would hold the database's one write lock for as long
 * as each statement took (tens of seconds at a million customers) and stop every other write of
 * the server meanwhile; a temporary table takes no lock of the main database. The finished rows are
 * then copied into analytics_results a few thousand at a time, each chunk its own short
 * transaction (publishWork). On PostgreSQL the same statements run in the same way (the temporary
 * table also spares analytics_results the dead rows of four updates of every row).
 */
export const workTable = 'analytics_work';

/**
 * Rows copied per transaction when publishing: about 0.2 s of the write lock each at a million
 * customers, so another writer waits a fraction of a second, never seconds. Each commit writes
 * every page its rows touched in the rank and owner indexes (random places in both): 5,000 a
 * chunk took 15.4 s to publish a million, 20,000 took 11.2 s, 50,000 9.3 s.
 */
const publishChunk = 20_000;

export async function createWork(db: Db, engine: Engine): Promise<void> {
  await dropWork(db);
  if (engine === 'postgres') {
    await sql`create temporary table analytics_work (like analytics_results including defaults)`.execute(db);
    await sql`alter table analytics_work add primary key (run_id, customer_id)`.execute(db);
  } else {
    // The table's own definition (its defaults, NOT NULLs and primary key), in the temporary schema.
    const ddl = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'analytics_results'`.execute(db);
    const definition = ddl.rows[0]?.sql ?? '';
    const created = definition.replace(/^create table\s+["`]?analytics_results["`]?/i, 'create temporary table analytics_work');
    if (created === definition) throw new Error('analytics_results: unexpected definition');
    await sql.raw(created).execute(db);
  }
  // What the facts bring along for the later steps: the distinct purchase days, and the customer's
  // industry and category (its peer group), read with its owner so that no step reads the customers again.
  await sql`alter table analytics_work add column days integer`.execute(db);
  await sql`alter table analytics_work add column industry text`.execute(db);
  await sql`alter table analytics_work add column category text`.execute(db);
}

export async function dropWork(db: Db): Promise<void> {
  await sql`drop table if exists analytics_work`.execute(db);
}

/** A step's new value of a column: its expression over the work row (bare column names, the old values) and the step's own tables. */
export type Assignment = [column: string, value: RawBuilder<unknown>];

/** The assignments as the SET list of an UPDATE. */
export const setList = (values: Assignment[]) => sql.join(values.map(([column, value]) => sql`${sql.ref(column)} = ${value}`));

/**
 * SQLite: a step's new values written by copying the work table into a fresh one, in customer
 * order, with the other columns as they were, which then takes the old one's place. One UPDATE ...
 * FROM of every row rewrote each in place: 14.3 s of step 2's 31 s at a million customers.
 * `from` joins the step's tables to the work row `w`; a row `matched` leaves out keeps its values.
 */
export async function rewriteWork(db: Db, runId: number, from: RawBuilder<unknown>, matched: RawBuilder<unknown>, values: Assignment[]): Promise<void> {
  const ddl = await sql<{ sql: string }>`select sql from sqlite_temp_master where type = 'table' and name = 'analytics_work'`.execute(db);
  const definition = ddl.rows[0]?.sql ?? '';
  const created = definition.replace(/^create\s+(?:temporary\s+|temp\s+)?table\s+["`]?analytics_work["`]?/i, 'create temporary table analytics_next');
  if (created === definition) throw new Error('analytics_work: unexpected definition');
  await sql`drop table if exists temp.analytics_next`.execute(db);
  await sql.raw(created).execute(db);
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('analytics_work', 'temp') order by cid`.execute(db)).rows.map((c) => c.name);
  const byColumn = new Map(values);
  const select = columns.map((c) => {
    const value = byColumn.get(c);
    return value ? sql`case when ${matched} then ${value} else ${sql.ref(`w.${c}`)} end` : sql.ref(`w.${c}`);
  });
  await sql`insert into analytics_next (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(select)} from ${from} where w.run_id = ${runId} order by w.customer_id`.execute(db);
  await sql`drop table temp.analytics_work`.execute(db);
  await sql`alter table temp.analytics_next rename to analytics_work`.execute(db);
}

/** The columns of analytics_results, in order. */
async function resultColumns(db: Db, engine: Engine): Promise<string[]> {
  if (engine === 'postgres') {
    const r = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'analytics_results' and table_schema = current_schema() order by ordinal_position`.execute(db);
    return r.rows.map((c) => c.name);
  }
  const r = await sql<{ name: string }>`select name from pragma_table_info('analytics_results') order by cid`.execute(db);
  return r.rows.map((c) => c.name);
}

/**
 * Copy the finished rows into analytics_results, `publishChunk` customers at a time in customer
 * order, each chunk its own transaction; `progress` after each (the run's heartbeat). Returns how
 * many rows were copied.
 */
export async function publishWork(db: Db, engine: Engine, runId: number, progress: (copied: number) => Promise<void>): Promise<number> {
  const columns = sql.join((await resultColumns(db, engine)).map((c) => sql.ref(c)));
  let after = -1;
  let copied = 0;
  for (;;) {
    const bound = await sql<{ last: number | null; n: number }>`
      select max(customer_id) as last, count(*) as n from (select customer_id from analytics_work where run_id = ${runId} and customer_id > ${after} order by customer_id limit ${publishChunk}) x`.execute(db);
    const last = bound.rows[0]?.last;
    if (last === null || last === undefined) return copied;
    await sql`insert into analytics_results (${columns}) select ${columns} from analytics_work where run_id = ${runId} and customer_id > ${after} and customer_id <= ${last}`.execute(db);
    copied += Number(bound.rows[0]?.n ?? 0);
    after = Number(last);
    await progress(copied);
  }
}

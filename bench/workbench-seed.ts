import SQLite from 'better-sqlite3';
import pg from 'pg';
import { prng } from '../server/src/modules/demo/names.js';
import type { Database } from '../server/src/platform/db/database.js';

/** What the follow-up, task and notification generator needs from the seeded organisation. */
export interface WorkbenchShape {
  seed: number;
  /** Live customers with an owner, and their owners. */
  customers: Array<{ id: number; ownerId: number }>;
  ownerIds: number[];
  /** "Now" in ms: follow-ups over the two years before it, tasks due 30 days around it. */
  nowMs: number;
}

type Value = string | number | null;
const followUpColumns = [
  'customer_id', 'author_id', 'kind', 'occurred_at', 'duration_minutes', 'opportunity_id', 'contract_id', 'content', 'outcome', 'next_on', 'next_action', 'task_id',
  'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
] as const;
const historyColumns = ['entity_type', 'entity_id', 'customer_id', 'action', 'actor_id', 'at', 'label', 'changes'] as const;
const taskColumns = [
  'title', 'due_on', 'due_time', 'priority', 'status', 'assignee_id', 'customer_id', 'opportunity_id', 'contract_id', 'follow_up_id', 'notes', 'recurrence',
  'recurrence_anchor', 'previous_id', 'done_at', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by',
] as const;
const notificationColumns = ['user_id', 'kind', 'params', 'entity_type', 'entity_id', 'created_at', 'read_at'] as const;
type Row<C extends readonly string[]> = Record<C[number], Value>;

const day = 86_400_000;
const kinds = ['call', 'call', 'call', 'visit', 'meeting', 'email', 'message', 'note'];
const contents = ['电话沟通采购计划', '上门拜访，演示新版本', '客户询问报价', '跟进合同条款', '发送产品资料', 'Discussed the renewal', '约下周技术交流'];
const nextActions = ['发送报价', '安排演示', '回访确认需求', '提交方案', null];
const noticeKinds = ['pool_warning', 'contract_renewal', 'instalment_overdue', 'customer_assigned', 'lead_assigned', 'big_deal'];
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A follow-up every N follow-ups ago: its task and notice counts follow from it. */
export const tasksPerFollowUp = 1 / 20;
export const noticesPerFollowUp = 1 / 50;

/**
 * Follow-up number `i`: on an owned customer, by its owner (85%) or another sales user, over the
 * last two years (recent ones more often), a quarter planning a next follow-up 1 to 21 days later;
 * with the timeline entry the server writes for it.
 */
export function generateFollowUp(shape: WorkbenchShape, i: number): { followUp: Row<typeof followUpColumns>; history: Row<typeof historyColumns> } {
  const rand = prng(shape.seed * 17 + i);
  const customer = shape.customers[Math.floor(rand() * shape.customers.length)];
  if (!customer) throw new Error('no owned customers');
  const author = rand() < 0.85 ? customer.ownerId : (shape.ownerIds[Math.floor(rand() * shape.ownerIds.length)] ?? customer.ownerId);
  const occurredMs = shape.nowMs - 60_000 - Math.floor(rand() ** 2 * 730 * day);
  const at = new Date(occurredMs).toISOString();
  const next = rand() < 0.25 ? isoDay(occurredMs + (1 + Math.floor(rand() * 21)) * day) : null;
  const kind = kinds[Math.floor(rand() * kinds.length)] ?? 'call';
  const content = contents[Math.floor(rand() * contents.length)] ?? '';
  return {
    followUp: {
      customer_id: customer.id, author_id: author, kind, occurred_at: at, duration_minutes: kind === 'note' ? null : 5 + Math.floor(rand() * 60), opportunity_id: null, contract_id: null,
      content, outcome: null, next_on: next, next_action: next === null ? null : (nextActions[Math.floor(rand() * nextActions.length)] ?? null), task_id: null,
      version: 1, created_at: at, updated_at: at, created_by: author, updated_by: author,
    },
    history: {
      entity_type: 'customer', entity_id: customer.id, customer_id: customer.id, action: 'follow_up', actor_id: author, at, label: null,
      changes: JSON.stringify([{ field: 'kind', old: null, new: kind }, { field: 'note', old: null, new: content }, { field: 'at', old: null, new: at }]),
    },
  };
}

/** Task number `i`: a sales user's, due within 30 days either side of now, seven in ten still open. */
export function generateTask(shape: WorkbenchShape, i: number): Row<typeof taskColumns> {
  const rand = prng(shape.seed * 19 + i);
  const customer = shape.customers[Math.floor(rand() * shape.customers.length)];
  if (!customer) throw new Error('no owned customers');
  const at = new Date(shape.nowMs - 31 * day).toISOString();
  const open = rand() < 0.7;
  return {
    title: `${nextActions[i % 4] ?? '回访'} #${i}`, due_on: isoDay(shape.nowMs + (Math.floor(rand() * 61) - 30) * day), due_time: rand() < 0.3 ? '10:00' : null,
    priority: rand() < 0.2 ? 'high' : 'normal', status: open ? 'open' : 'done', assignee_id: customer.ownerId, customer_id: customer.id, opportunity_id: null, contract_id: null,
    follow_up_id: null, notes: null, recurrence: null, recurrence_anchor: null, previous_id: null, done_at: open ? null : at,
    version: 1, created_at: at, updated_at: at, created_by: customer.ownerId, updated_by: customer.ownerId,
  };
}

/** Notification number `i`: to a sales user, of a reminder kind or another, three in ten unread. */
export function generateNotice(shape: WorkbenchShape, i: number): Row<typeof notificationColumns> {
  const rand = prng(shape.seed * 23 + i);
  const customer = shape.customers[Math.floor(rand() * shape.customers.length)];
  if (!customer) throw new Error('no owned customers');
  const at = new Date(shape.nowMs - Math.floor(rand() * 90 * day)).toISOString();
  return {
    user_id: customer.ownerId, kind: noticeKinds[Math.floor(rand() * noticeKinds.length)] ?? 'pool_warning', params: JSON.stringify({ customer: `客户${customer.id}`, days: 3, contract: 'HT-1', position: 1, actor: '系统', deal: '商机', count: 2 }),
    entity_type: 'customer', entity_id: customer.id, created_at: at, read_at: rand() < 0.7 ? at : null,
  };
}

const batch = 20_000;
const tables = ['follow_up_contacts', 'follow_ups', 'tasks', 'notifications'];
/** The timeline entries of earlier seeded follow-ups (the customers' own entries stay). */
const oldEntries = "delete from change_log where action = 'follow_up'";

function progress(done: number, total: number, reported: { tenths: number }): void {
  const tenths = Math.floor((done * 10) / total);
  if (tenths > reported.tenths) {
    reported.tenths = tenths;
    process.stderr.write(`  seeded ${done.toLocaleString('en')} follow-ups\n`);
  }
}

/** The customers' follow-up clocks and next follow-ups from their latest follow-ups, as the server keeps them. */
const clocks = [
  'update customers set last_followup_at = (select max(f.occurred_at) from follow_ups f where f.customer_id = customers.id)',
  'update customers set next_followup_on = (select min(f.next_on) from follow_ups f where f.customer_id = customers.id and f.occurred_at = customers.last_followup_at)',
];

/** SQLite: prepared inserts, a transaction per batch, durability off while seeding. */
export function seedSqliteWorkbench(file: string, shape: WorkbenchShape, followUps: number): void {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  for (const t of tables) sqlite.exec(`delete from ${t}`);
  sqlite.exec(oldEntries);
  const insert = (table: string, columns: readonly string[]) => sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const followUp = insert('follow_ups', followUpColumns);
  const history = insert('change_log', historyColumns);
  const task = insert('tasks', taskColumns);
  const notice = insert('notifications', notificationColumns);
  const write = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const g = generateFollowUp(shape, i);
      followUp.run(g.followUp);
      history.run(g.history);
      if (i % (1 / tasksPerFollowUp) === 0) task.run(generateTask(shape, i));
      if (i % (1 / noticesPerFollowUp) === 0) notice.run(generateNotice(shape, i));
    }
  });
  const reported = { tenths: 0 };
  for (let from = 0; from < followUps; from += batch) {
    write(from, Math.min(followUps, from + batch));
    progress(Math.min(followUps, from + batch), followUps, reported);
  }
  process.stderr.write('  follow-up clocks, analyze…\n');
  for (const statement of clocks) sqlite.exec(statement);
  sqlite.exec('analyze');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

const integerColumns = new Set(['customer_id', 'author_id', 'duration_minutes', 'opportunity_id', 'contract_id', 'task_id', 'version', 'created_by', 'updated_by', 'entity_id', 'actor_id', 'assignee_id', 'follow_up_id', 'previous_id', 'user_id']);

function unnestInsert(table: string, columns: readonly string[]): string {
  return `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns.map((c, k) => `$${k + 1}::${integerColumns.has(c) ? 'int' : 'text'}[]`).join(', ')})`;
}

/** PostgreSQL: INSERT … SELECT FROM unnest(arrays) per batch and table, asynchronous commit while seeding. */
export async function seedPostgresWorkbench(databaseUrl: string, shape: WorkbenchShape, followUps: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query(`truncate ${tables.join(', ')} restart identity`);
    await client.query(oldEntries);
    const write = async <C extends readonly string[]>(table: string, columns: C, rows: Array<Row<C>>) => {
      if (rows.length > 0) await client.query(unnestInsert(table, columns), columns.map((c) => rows.map((r) => r[c as C[number]])));
    };
    const reported = { tenths: 0 };
    for (let from = 0; from < followUps; from += batch) {
      const to = Math.min(followUps, from + batch);
      const made = Array.from({ length: to - from }, (_, k) => generateFollowUp(shape, from + k));
      const every = (n: number) => Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % n === 0);
      await write('follow_ups', followUpColumns, made.map((g) => g.followUp));
      await write('change_log', historyColumns, made.map((g) => g.history));
      await write('tasks', taskColumns, every(1 / tasksPerFollowUp).map((i) => generateTask(shape, i)));
      await write('notifications', notificationColumns, every(1 / noticesPerFollowUp).map((i) => generateNotice(shape, i)));
      progress(to, followUps, reported);
    }
    process.stderr.write('  follow-up clocks, vacuum analyze…\n');
    for (const statement of clocks) await client.query(statement);
    for (const t of ['customers', 'change_log', ...tables]) await client.query(`vacuum analyze ${t}`);
  } finally {
    await client.end();
  }
}

/** How many events the timeline benchmark's customer carries. */
export const timelineEvents = 5_000;

/**
 * One customer of `ownerId` given follow-ups (each with its timeline entry) until its timeline
 * holds `events` entries: the customer whose timeline is paged. Returns its id. Idempotent.
 */
export async function seedTimelineCustomer(database: Database, ownerId: number, events: number): Promise<number> {
  const db = database.db;
  const customer = await db.selectFrom('customers').select('id').where('owner_id', '=', ownerId).where('deleted_at', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const count = async () => Number((await db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customer.id).executeTakeFirstOrThrow()).n);
  let missing = events - (await count());
  const shape: WorkbenchShape = { seed: 5_000, customers: [{ id: customer.id, ownerId }], ownerIds: [ownerId], nowMs: Date.now() };
  for (let i = 0; missing > 0; i += 500) {
    const made = Array.from({ length: Math.min(500, missing) }, (_, k) => generateFollowUp(shape, i + k));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('follow_ups').values(made.map((g) => g.followUp as never)).execute();
      await trx.insertInto('change_log').values(made.map((g) => g.history as never)).execute();
    });
    missing -= made.length;
  }
  return customer.id;
}

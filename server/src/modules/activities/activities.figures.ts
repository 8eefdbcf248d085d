import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What one user did in a span of time, for their work report (日报/周报): counts over all, the first `limit` rows. */
export interface Counted<T> {
  count: number;
  rows: T[];
}

export interface AuthoredFollowUp {
  id: number;
  customerId: number;
  customerName: string;
  kind: string;
  occurredAt: string;
  content: string;
}

/** The user's follow-ups that happened in [fromIso, toIso), of live customers, in the order they happened. */
export async function followUpsByAuthor(db: Db, authorId: number, fromIso: string, toIso: string, limit: number): Promise<Counted<AuthoredFollowUp>> {
  const base = db
    .selectFrom('follow_ups as fu')
    .innerJoin('customers as fuk', 'fuk.id', 'fu.customer_id')
    .where('fuk.deleted_at', 'is', null)
    .where('fu.author_id', '=', authorId)
    .where('fu.occurred_at', '>=', fromIso)
    .where('fu.occurred_at', '<', toIso);
  const [rows, total] = await Promise.all([
    base.select(['fu.id', 'fu.customer_id', 'fuk.name as customer_name', 'fu.kind', 'fu.occurred_at', 'fu.content']).orderBy('fu.occurred_at').orderBy('fu.id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    count: Number(total.n),
    rows: rows.map((r) => ({ id: r.id, customerId: r.customer_id, customerName: r.customer_name, kind: r.kind, occurredAt: r.occurred_at, content: r.content })),
  };
}

export interface TaskLine {
  id: number;
  title: string;
  dueOn: string;
  customerName: string | null;
}

function tasksWithCustomer(db: Db, assigneeId: number) {
  return db.selectFrom('tasks as tk').leftJoin('customers as tkc', 'tkc.id', 'tk.customer_id').where('tk.assignee_id', '=', assigneeId);
}

const taskLine = (r: { id: number; title: string; due_on: string; customer_name: string | null }): TaskLine => ({ id: r.id, title: r.title, dueOn: r.due_on, customerName: r.customer_name });

/** The user's tasks marked done in [fromIso, toIso), in the order they were done. */
export async function tasksDoneBy(db: Db, assigneeId: number, fromIso: string, toIso: string, limit: number): Promise<Counted<TaskLine>> {
  const base = tasksWithCustomer(db, assigneeId).where('tk.status', '=', 'done').where('tk.done_at', '>=', fromIso).where('tk.done_at', '<', toIso);
  const [rows, total] = await Promise.all([
    base.select(['tk.id', 'tk.title', 'tk.due_on', 'tkc.name as customer_name']).orderBy('tk.done_at').orderBy('tk.id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { count: Number(total.n), rows: rows.map(taskLine) };
}

/** The user's open tasks due from one day to another (YYYY-MM-DD, both included), soonest first: the next period's plan. */
export async function openTasksDue(db: Db, assigneeId: number, fromDay: string, toDay: string, limit: number): Promise<TaskLine[]> {
  const rows = await tasksWithCustomer(db, assigneeId)
    .where('tk.status', '=', 'open')
    .where('tk.due_on', '>=', fromDay)
    .where('tk.due_on', '<=', toDay)
    .select(['tk.id', 'tk.title', 'tk.due_on', 'tkc.name as customer_name'])
    .orderBy('tk.due_on')
    .orderBy('tk.id')
    .limit(limit)
    .execute();
  return rows.map(taskLine);
}

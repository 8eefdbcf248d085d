import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type FollowUpRow = Selectable<DB['follow_ups']>;
export type TaskRow = Selectable<DB['tasks']>;
/** A follow-up with the names its presenter shows. */
export type FollowUpView = FollowUpRow & { customer_name: string | null; opportunity_name: string | null; contract_number: string | null };
export type TaskView = TaskRow & { customer_name: string | null };

function followUpsWithNames(db: Db) {
  return db
    .selectFrom('follow_ups as fu')
    .leftJoin('customers as fuc', 'fuc.id', 'fu.customer_id')
    .leftJoin('opportunities as fuo', 'fuo.id', 'fu.opportunity_id')
    .leftJoin('contracts as fuct', 'fuct.id', 'fu.contract_id')
    .selectAll('fu')
    .select(['fuc.name as customer_name', 'fuo.name as opportunity_name', 'fuct.number as contract_number']);
}

export async function findFollowUp(db: Db, id: number): Promise<FollowUpView | undefined> {
  return (await followUpsWithNames(db).where('fu.id', '=', id).executeTakeFirst()) as FollowUpView | undefined;
}

export async function insertFollowUp(db: Db, values: Omit<FollowUpRow, 'id'>): Promise<number> {
  return (await db.insertInto('follow_ups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Versioned update; false when the version moved on. */
export async function updateFollowUp(db: Db, id: number, version: number, values: Partial<FollowUpRow>): Promise<boolean> {
  const r = await db.updateTable('follow_ups').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteFollowUp(db: Db, id: number): Promise<void> {
  await db.deleteFrom('follow_up_contacts').where('follow_up_id', '=', id).execute();
  await db.deleteFrom('follow_ups').where('id', '=', id).execute();
}

export async function replaceContacts(db: Db, followUpId: number, contactIds: number[]): Promise<void> {
  await db.deleteFrom('follow_up_contacts').where('follow_up_id', '=', followUpId).execute();
  if (contactIds.length > 0) await db.insertInto('follow_up_contacts').values(contactIds.map((contact_id) => ({ follow_up_id: followUpId, contact_id }))).execute();
}

/** The contacts of follow-ups, with their names, by follow-up id. */
export async function contactsOf(db: Db, followUpIds: number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  if (followUpIds.length === 0) return out;
  const rows = await db
    .selectFrom('follow_up_contacts as fc')
    .innerJoin('contacts as fct', 'fct.id', 'fc.contact_id')
    .select(['fc.follow_up_id', 'fct.id', 'fct.name'])
    .where('fc.follow_up_id', 'in', followUpIds)
    .orderBy('fct.name')
    .execute();
  for (const r of rows) out.set(r.follow_up_id, [...(out.get(r.follow_up_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export interface FollowUpFilter {
  /** Authors in scope (the global list), or none for one customer's list (its visibility checked before). */
  scope?: Scope;
  customerId?: number;
  authorId?: number;
  kind?: string;
  /** Calendar days as instants: [fromIso, toIso). */
  fromIso?: string;
  toIso?: string;
}

function filteredFollowUps(db: Db, f: FollowUpFilter) {
  let query = db.selectFrom('follow_ups as fu').innerJoin('customers as fuk', 'fuk.id', 'fu.customer_id').where('fuk.deleted_at', 'is', null);
  if (f.scope && !isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.customerId !== undefined) query = query.where('fu.customer_id', '=', f.customerId);
  if (f.authorId !== undefined) query = query.where('fu.author_id', '=', f.authorId);
  if (f.kind !== undefined) query = query.where('fu.kind', '=', f.kind);
  if (f.fromIso !== undefined) query = query.where('fu.occurred_at', '>=', f.fromIso);
  if (f.toIso !== undefined) query = query.where('fu.occurred_at', '<', f.toIso);
  return query;
}

export async function listFollowUps(db: Db, f: FollowUpFilter, limit: number, offset: number): Promise<{ rows: FollowUpView[]; total: number }> {
  const [page, total] = await Promise.all([
    filteredFollowUps(db, f).select('fu.id').orderBy('fu.occurred_at', 'desc').orderBy('fu.id', 'desc').limit(limit).offset(offset).execute(),
    filteredFollowUps(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: Number(total.n) };
  const rows = (await followUpsWithNames(db).where('fu.id', 'in', ids).execute()) as FollowUpView[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: Number(total.n) };
}

/** Each other author's latest follow-up of a customer since an instant, newest first. */
export async function recentOthers(db: Db, customerId: number, exceptUserId: number, sinceIso: string): Promise<Array<{ author_id: number; occurred_at: string; kind: string }>> {
  const rows = await db
    .selectFrom('follow_ups')
    .select(['author_id', 'occurred_at', 'kind'])
    .where('customer_id', '=', customerId)
    .where('author_id', '<>', exceptUserId)
    .where('occurred_at', '>=', sinceIso)
    .orderBy('occurred_at', 'desc')
    .limit(200)
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.author_id) ? false : (seen.add(r.author_id), true)));
}

function tasksWithNames(db: Db) {
  return db.selectFrom('tasks as tk').leftJoin('customers as tkc', 'tkc.id', 'tk.customer_id').selectAll('tk').select(['tkc.name as customer_name']);
}

export async function findTask(db: Db, id: number, scope?: Scope): Promise<TaskView | undefined> {
  let query = tasksWithNames(db).where('tk.id', '=', id);
  if (scope && !isUnscoped(scope)) query = query.where(scope);
  return (await query.executeTakeFirst()) as TaskView | undefined;
}

/** A new task; its reminder columns may be left out (no reminder). */
export type NewTask = Omit<TaskRow, 'id' | 'remind_before_minutes' | 'remind_at' | 'reminded_at'> & Partial<Pick<TaskRow, 'remind_before_minutes' | 'remind_at' | 'reminded_at'>>;

export async function insertTask(db: Db, values: NewTask): Promise<number> {
  return (await db.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTask(db: Db, id: number, version: number, values: Partial<TaskRow>): Promise<boolean> {
  const r = await db.updateTable('tasks').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteTask(db: Db, id: number): Promise<void> {
  await db.updateTable('follow_ups').set({ task_id: null }).where('task_id', '=', id).execute();
  await db.deleteFrom('tasks').where('id', '=', id).execute();
}

/** Whether a task already has its next occurrence. */
export async function hasNext(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('tasks').select('id').where('previous_id', '=', id).executeTakeFirst()) !== undefined;
}

export interface TaskFilter {
  scope: Scope;
  assigneeId?: number;
  customerId?: number;
  status: 'open' | 'done';
  /** Due on or after / before these days (YYYY-MM-DD). */
  dueFrom?: string;
  dueBefore?: string;
  dueOn?: string;
}

function filteredTasks(db: Db, f: TaskFilter) {
  let query = db.selectFrom('tasks as tk').where('tk.status', '=', f.status);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.assigneeId !== undefined) query = query.where('tk.assignee_id', '=', f.assigneeId);
  if (f.customerId !== undefined) query = query.where('tk.customer_id', '=', f.customerId);
  if (f.dueOn !== undefined) query = query.where('tk.due_on', '=', f.dueOn);
  if (f.dueFrom !== undefined) query = query.where('tk.due_on', '>=', f.dueFrom);
  if (f.dueBefore !== undefined) query = query.where('tk.due_on', '<', f.dueBefore);
  return query;
}

export async function listTasks(db: Db, f: TaskFilter, limit: number, offset: number): Promise<{ rows: TaskView[]; total: number }> {
  const done = f.status === 'done';
  const [page, total] = await Promise.all([
    filteredTasks(db, f)
      .select('tk.id')
      .$call((q) => (done ? q.orderBy('tk.done_at', 'desc') : q.orderBy('tk.due_on').orderBy(sql`coalesce(tk.due_time, '24:00')`)))
      .orderBy('tk.id', done ? 'desc' : 'asc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredTasks(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: Number(total.n) };
  const rows = (await tasksWithNames(db).where('tk.id', 'in', ids).execute()) as TaskView[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: Number(total.n) };
}

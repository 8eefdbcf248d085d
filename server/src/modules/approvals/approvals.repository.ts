import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type FlowRow = Selectable<DB['approval_flows']>;
export type RequestRow = Selectable<DB['approval_requests']>;
export type StepRow = Selectable<DB['approval_steps']>;
export type NewStep = Omit<StepRow, 'id' | 'request_id'>;

// Flows.

export async function listFlows(db: Db, recordType: string | undefined, limit: number, offset: number): Promise<{ rows: Array<FlowRow & { request_count: number }>; total: number }> {
  let query = db.selectFrom('approval_flows as af');
  if (recordType !== undefined) query = query.where('af.record_type', '=', recordType);
  const [rows, total] = await Promise.all([
    query
      .selectAll('af')
      .select(sql<number>`(select count(*) from approval_requests afr where afr.flow_id = af.id)`.as('request_count'))
      .orderBy('af.record_type')
      .orderBy('af.priority')
      .orderBy('af.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findFlow(db: Db, id: number): Promise<(FlowRow & { request_count: number }) | undefined> {
  return db
    .selectFrom('approval_flows as af')
    .selectAll('af')
    .select(sql<number>`(select count(*) from approval_requests afr where afr.flow_id = af.id)`.as('request_count'))
    .where('af.id', '=', id)
    .executeTakeFirst();
}

/** The active flows of a record type, in the order they are tried (priority, then oldest). */
export async function activeFlows(db: Db, recordType: string): Promise<FlowRow[]> {
  return db.selectFrom('approval_flows').selectAll().where('record_type', '=', recordType).where('active', '=', 1).orderBy('priority').orderBy('id').execute();
}

export async function insertFlow(db: Db, values: Omit<FlowRow, 'id'>): Promise<number> {
  return (await db.insertInto('approval_flows').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Versioned update: false when the version is stale. */
export async function updateFlow(db: Db, id: number, version: number, values: Partial<FlowRow>): Promise<boolean> {
  const r = await db.updateTable('approval_flows').set({ ...values, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Delete a flow no request was made with (checked in the statement itself). */
export async function deleteUnusedFlow(db: Db, id: number): Promise<boolean> {
  const r = await db
    .deleteFrom('approval_flows')
    .where('id', '=', id)
    .where(sql<SqlBool>`not exists (select 1 from approval_requests afr where afr.flow_id = ${id})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// Requests.

export async function insertRequest(db: Db, values: Omit<RequestRow, 'id'>): Promise<number> {
  return (await db.insertInto('approval_requests').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertSteps(db: Db, requestId: number, steps: NewStep[]): Promise<void> {
  await db.insertInto('approval_steps').values(steps.map((s) => ({ ...s, request_id: requestId }))).execute();
}

export async function findRequest(db: Db, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingOf(db: Db, recordType: string, recordId: number): Promise<RequestRow | undefined> {
  return db.selectFrom('approval_requests').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).where('status', '=', 'pending').executeTakeFirst();
}

export async function stepsOf(db: Db, requestIds: number[]): Promise<StepRow[]> {
  if (requestIds.length === 0) return [];
  return db.selectFrom('approval_steps').selectAll().where('request_id', 'in', requestIds).orderBy('request_id').orderBy('position').execute();
}

/**
 * Move a pending request on, only if it is still at the step and version the decision was made
 * on: of two decisions at once, the second finds nothing to update (PostgreSQL re-checks the
 * condition after the first commits; SQLite runs write transactions one at a time).
 */
export async function advanceRequest(db: Db, id: number, from: { version: number; step: number }, values: Partial<RequestRow>): Promise<boolean> {
  const r = await db
    .updateTable('approval_requests')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', from.version)
    .where('status', '=', 'pending')
    .where('current_step', '=', from.step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function decideStep(db: Db, requestId: number, position: number, values: Pick<StepRow, 'status' | 'decided_by' | 'decided_at' | 'comment'>): Promise<void> {
  await db.updateTable('approval_steps').set(values).where('request_id', '=', requestId).where('position', '=', position).where('status', '=', 'pending').execute();
}

export async function startStep(db: Db, requestId: number, position: number, at: string): Promise<void> {
  await db.updateTable('approval_steps').set({ status: 'pending', started_at: at }).where('request_id', '=', requestId).where('position', '=', position).execute();
}

/** Cancel a pending request (withdrawn, or its record gone); its waiting steps stay as they were. */
export async function cancelRequest(db: Db, id: number, at: string, by: number): Promise<boolean> {
  const r = await db
    .updateTable('approval_requests')
    .set({ status: 'cancelled', current_step: null, decided_at: at, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('approval_steps').set({ status: 'waiting', started_at: null }).where('request_id', '=', id).where('status', '=', 'pending').execute();
  return true;
}

// Lists.

export interface RequestFilter {
  /** Who may see which requests (see approvals.access.ts); unscoped for the approvals administrator. */
  visible: Scope;
  /** Only requests whose current step waits for this user (with their role). */
  waitingFor?: { userId: number; roleId: number };
  submittedBy?: number;
  record?: { type: string; id: number };
  status?: string;
}

/** A step condition: this step of `ar` waits for the user (named, or by role when they are neither owner nor submitter). */
export function waitingOn(userId: number, roleId: number): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from approval_steps aws where aws.request_id = ar.id and aws.position = ar.current_step and (aws.user_id = ${userId} or (aws.role_id = ${roleId} and ar.owner_id <> ${userId} and ar.submitted_by <> ${userId})))`;
}

function filtered(db: Db, f: RequestFilter) {
  let query = db.selectFrom('approval_requests as ar');
  if (!isUnscoped(f.visible)) query = query.where(f.visible);
  if (f.waitingFor) query = query.where('ar.status', '=', 'pending').where(waitingOn(f.waitingFor.userId, f.waitingFor.roleId));
  if (f.submittedBy !== undefined) query = query.where('ar.submitted_by', '=', f.submittedBy);
  if (f.record) query = query.where('ar.record_type', '=', f.record.type).where('ar.record_id', '=', f.record.id);
  if (f.status !== undefined) query = query.where('ar.status', '=', f.status);
  return query;
}

export async function listRequests(db: Db, f: RequestFilter, oldestFirst: boolean, limit: number, offset: number): Promise<{ rows: RequestRow[]; total: number }> {
  const dir = oldestFirst ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll('ar').orderBy(oldestFirst ? 'ar.step_started_at' : 'ar.submitted_at', dir).orderBy('ar.id', dir).limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Whether one request is within a visibility condition. */
export async function isVisible(db: Db, id: number, visible: Scope): Promise<boolean> {
  let query = db.selectFrom('approval_requests as ar').select('ar.id').where('ar.id', '=', id);
  if (!isUnscoped(visible)) query = query.where(visible);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Erase the requests of records erased for good (their snapshots name the customer). */
export async function purgeOf(db: Db, recordType: string, recordIds: number[]): Promise<void> {
  for (let i = 0; i < recordIds.length; i += 500) {
    const chunk = recordIds.slice(i, i + 500);
    const ids = (await db.selectFrom('approval_requests').select('id').where('record_type', '=', recordType).where('record_id', 'in', chunk).execute()).map((r) => r.id);
    if (ids.length === 0) continue;
    await db.deleteFrom('approval_steps').where('request_id', 'in', ids).execute();
    await db.deleteFrom('approval_requests').where('id', 'in', ids).execute();
  }
}

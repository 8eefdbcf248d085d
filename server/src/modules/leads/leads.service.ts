import { canonicalRegionFilter, withCanonicalRegion, type HistoryEntry, type Lead, type ListResponse, type leadCreate, type leadDisqualify, type leadListQuery, type leadUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { ownerEditScope, ownerScope, unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { customerReadScope, customersByIds } from '../customers/index.js';
import { diffRecords, entityHistory, recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { activeUser, isUserInScope, userNames } from '../users/index.js';
import { checkLeadInput, type LeadInputIssue } from './leads.check.js';
import { insertLeads } from './leads.insert.js';
import { historyFields, presentLead, recordView } from './leads.presenter.js';
import { leadKeys, manAnswers, manColumns, searchText } from './leads.records.js';
import * as repo from './leads.repository.js';

type Db = AppContext['db'];

/** The data scope of leads: owners in scope, plus the lead pool, which everyone with leads.view sees. */
export function leadScope(actor: Actor) {
  return ownerScope(actor, 'leads', { includeUnowned: true });
}

/** What the actor may change: owners in scope; a pool lead only with the assign right (anyone else claims it first). */
export function leadEditScope(actor: Actor) {
  return ownerEditScope(actor, 'leads', can(actor, 'leads.assign'));
}

/** A live lead the actor may see, or NOT_FOUND (never FORBIDDEN: existence is not revealed). */
export async function findVisible(db: Db, actor: Actor, id: number): Promise<repo.LeadRow> {
  const row = await repo.findById(db, id, leadScope(actor));
  if (!row) throw notFound();
  return row;
}

/** A live lead the actor may change (see leadEditScope), or NOT_FOUND. */
async function findEditable(db: Db, actor: Actor, id: number): Promise<repo.LeadRow> {
  const row = await repo.findById(db, id, leadEditScope(actor));
  if (!row) throw notFound();
  return row;
}

// Inside a transaction pass its handle: on SQLite the one connection is held by the transaction.
export async function presentLeads(ctx: AppContext, actor: Actor, rows: repo.LeadRow[], db: Db = ctx.db): Promise<Lead[]> {
  const users = await userNames(ctx, rows.map((r) => r.owner_id), db);
  // A referrer is named only to those who may read it.
  const referrers = [...new Set(rows.flatMap((r) => (r.referrer_customer_id === null ? [] : [r.referrer_customer_id])))];
  const found = referrers.length > 0 ? await customersByIds(db, referrers, customerReadScope(actor)) : { rows: new Map<number, { name: string }>(), visible: new Set<number>() };
  const customers = new Map([...found.rows].flatMap(([id, c]) => (found.visible.has(id) ? [[id, c.name] as const] : [])));
  return rows.map((row) => presentLead(row, actor, { users, customers }));
}

async function presentOne(ctx: AppContext, actor: Actor, row: repo.LeadRow, db: Db = ctx.db): Promise<Lead> {
  const [lead] = await presentLeads(ctx, actor, [row], db);
  if (!lead) throw notFound();
  return lead;
}

/** The 409 of a write whose version check failed, with the lead as committed now (read after the failed update). */
export async function staleLead(ctx: AppContext, actor: Actor, id: number, db: Db): Promise<AppError> {
  const row = await repo.findById(db, id, leadScope(actor));
  return row ? conflict(await presentOne(ctx, actor, row, db)) : notFound();
}

export function refuse(issues: Array<LeadInputIssue | ErrorDetail>): void {
  if (issues.length === 0) return;
  throw new AppError('VALIDATION_FAILED', 'validationFailed', issues.map((i) => ({ path: i.path, message: 'key' in i ? i.key : i.message })));
}

/**
 * Who may own a lead: the pool (null) and oneself always; anybody else only with the assign
 * right, and only an active user within the actor's data scope.
 */
export async function leadOwnerIssues(ctx: AppContext, actor: Actor, ownerId: number | null | undefined, path = 'ownerId'): Promise<LeadInputIssue[]> {
  if (ownerId === undefined || ownerId === null || ownerId === actor.userId) return [];
  if (!can(actor, 'leads.assign')) return [{ path, key: 'leadOwnerOutsideScope' }];
  if (!(await activeUser(ctx, ownerId))) return [{ path, key: 'unknownUser' }];
  if (!(await isUserInScope(ctx, actor, ownerId))) return [{ path, key: 'leadOwnerOutsideScope' }];
  return [];
}

/** A YYYY-MM-DD day as the ISO instant it starts (UTC), `days` later; null when no such day. */
function dayStart(value: string, days = 0): string | null {
  const time = Date.parse(`${value}T00:00:00.000Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) return null;
  return new Date(time + days * 86_400_000).toISOString();
}

export async function listLeads(ctx: AppContext, actor: Actor, query: z.output<typeof leadListQuery>): Promise<ListResponse<Lead>> {
  authorize(actor, 'leads.view');
  const createdFrom = query.createdFrom === undefined ? undefined : dayStart(query.createdFrom);
  const createdTo = query.createdTo === undefined ? undefined : dayStart(query.createdTo, 1);
  refuse([
    ...(createdFrom === null ? [{ path: 'createdFrom', key: 'leadInvalidDate' as const }] : []),
    ...(createdTo === null ? [{ path: 'createdTo', key: 'leadInvalidDate' as const }] : []),
  ]);
  const filter: repo.LeadFilter = {
    scope: leadScope(actor),
    search: query.q,
    status: query.status,
    grade: query.grade,
    rank: query.rank,
    source: query.source,
    ownerId: query.ownerId,
    province: canonicalRegionFilter(query.province || undefined, undefined).province, // 北京 finds 北京市
    gender: query.gender,
    creditStanding: query.creditStanding,
    formId: query.formId,
    createdFrom: createdFrom ?? undefined,
    createdTo: createdTo ?? undefined,
  };
  const sort = { key: query.sort.replace(/^-/, '') as repo.SortKey, desc: query.sort.startsWith('-') };
  const { rows, total } = await repo.list(ctx.db, filter, sort, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await presentLeads(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getLead(ctx: AppContext, actor: Actor, id: number): Promise<Lead> {
  authorize(actor, 'leads.view');
  return presentOne(ctx, actor, await findVisible(ctx.db, actor, id));
}

/**
 * Create a lead by hand. Without `ownerId` it is the creator's own, unless the creator distributes
 * leads (holds leads.assign: managers, marketing): then the assignment rules pick the owner, so
 * the new lead may belong to somebody outside the creator's scope (the answer shows it all the
 * same). `ownerId: null` puts it in the lead pool.
 */
export async function createLead(ctx: AppContext, actor: Actor, given: z.output<typeof leadCreate>): Promise<Lead> {
  authorize(actor, 'leads.create');
  const input = given.ownerId === undefined && !can(actor, 'leads.assign') ? { ...given, ownerId: actor.userId } : given;
  refuse([
    ...(await leadOwnerIssues(ctx, actor, input.ownerId)),
    ...(await checkLeadInput(ctx, ctx.db, { source: input.source, referrerCustomerId: input.referrerCustomerId }, undefined, actor)),
  ]);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [created] = await insertLeads(ctx, trx, [input], { actorId: actor.userId, action: 'create', now });
    if (!created) throw new Error('lead not created');
    return created.id;
  });
  const row = await repo.findById(ctx.db, id, unscoped('read back the lead just created'));
  if (!row) throw notFound();
  return presentOne(ctx, actor, row);
}

export async function updateLead(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof leadUpdate>): Promise<Lead> {
  authorize(actor, 'leads.edit');
  const existing = await findEditable(ctx.db, actor, id);
  const issues: LeadInputIssue[] = [];
  if (input.ownerId !== undefined && input.ownerId !== existing.owner_id) {
    // Without the assign right an owner changes only through claim and release.
    if (!can(actor, 'leads.assign')) issues.push({ path: 'ownerId', key: 'leadOwnerChangeNeedsClaim' });
    else issues.push(...(await leadOwnerIssues(ctx, actor, input.ownerId)));
  }
  if (existing.status === 'converted' && input.status !== undefined) issues.push({ path: 'status', key: 'leadConvertedStatus' });
  issues.push(...(await checkLeadInput(ctx, ctx.db, { source: input.source, referrerCustomerId: input.referrerCustomerId }, { source: existing.source, referrerCustomerId: existing.referrer_customer_id, ownerId: existing.owner_id }, actor)));
  refuse(issues);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, leadEditScope(actor));
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (row.status === 'converted' && input.status !== undefined) refuse([{ path: 'status', key: 'leadConvertedStatus' }]);
    const answers = manAnswers(row);
    const changes: Partial<repo.LeadRow> = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.company !== undefined ? { company: input.company } : {}),
      ...(input.jobTitle !== undefined ? { job_title: input.jobTitle } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.age !== undefined ? { age: input.age } : {}),
      ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.wechat !== undefined ? { wechat: input.wechat } : {}),
      ...(input.province !== undefined ? { province: input.province } : {}),
      ...(input.city !== undefined ? { city: input.city } : {}),
      ...(input.district !== undefined ? { district: input.district } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.industry !== undefined ? { industry: input.industry } : {}),
      ...(input.occupation !== undefined ? { occupation: input.occupation } : {}),
      ...(input.annualIncome !== undefined ? { annual_income: input.annualIncome } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.referrerCustomerId !== undefined ? { referrer_customer_id: input.referrerCustomerId } : {}),
      ...(input.creditStanding !== undefined ? { credit_standing: input.creditStanding } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      // Back from disqualified: the reason no longer applies.
      ...(input.status !== undefined && input.status !== row.status ? { status: input.status, disqualify_reason: null } : {}),
      ...(input.ownerId !== undefined && input.ownerId !== row.owner_id ? { owner_id: input.ownerId, owner_since: input.ownerId === null ? null : now } : {}),
      ...manColumns(
        input.manMoney !== undefined ? input.manMoney : answers.money,
        input.manAuthority !== undefined ? input.manAuthority : answers.authority,
        input.manNeed !== undefined ? input.manNeed : answers.need,
      ),
    };
    Object.assign(changes, withCanonicalRegion(row, changes)); // one spelling of a municipality
    const next: repo.LeadRow = { ...row, ...changes };
    const diff = diffRecords(recordView(row), recordView(next), historyFields);
    if (diff.length === 0) return; // nothing changed: no new version, no history entry
    if (!(await repo.update(trx, id, input.version, { ...changes, search: searchText(next), updated_at: now, updated_by: actor.userId }))) {
      throw await staleLead(ctx, actor, id, trx);
    }
    if (leadKeys(row).join('\n') !== leadKeys(next).join('\n')) await repo.replaceKeys(trx, id, leadKeys(next));
    // An owner move is an assignment: recorded and notified as one.
    const edits = diff.filter((c) => c.field !== 'ownerId');
    const moves = diff.filter((c) => c.field === 'ownerId');
    if (edits.length > 0) await recordChange(trx, { entityType: 'lead', entityId: id, action: 'update', actorId: actor.userId, at: now, label: next.name, changes: edits });
    if (moves.length > 0) {
      await recordChange(trx, { entityType: 'lead', entityId: id, action: 'assign', actorId: actor.userId, at: now, label: next.name, changes: moves });
      if (next.owner_id !== null && next.owner_id !== actor.userId) {
        await notify(trx, { userId: next.owner_id, kind: 'lead_assigned', params: { lead: next.name, by: actor.name }, entityType: 'lead', entityId: id, at: now });
      }
    }
  });
  return getLead(ctx, actor, id);
}

/** Soft delete: the lead waits in the recycle bin. */
export async function deleteLead(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'leads.delete');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two deletes at once the second waits here, then finds nothing to delete.
    await repo.lock(trx, ctx.engine, id);
    const row = await findEditable(trx, actor, id);
    await repo.setFields(trx, id, { deleted_at: now, deleted_by: actor.userId, updated_at: now, updated_by: actor.userId });
    await recordChange(trx, { entityType: 'lead', entityId: id, action: 'delete', actorId: actor.userId, at: now, label: row.name });
  });
}

/** Mark a lead as not a prospect, with the reason; a converted lead cannot be. */
export async function disqualifyLead(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof leadDisqualify>): Promise<Lead> {
  authorize(actor, 'leads.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findEditable(trx, actor, id);
    // Stale first: a lead converted since the caller read it is a conflict, not a mistake.
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (row.status === 'converted') throw new AppError('BAD_REQUEST', 'leadConverted');
    if (row.status === 'disqualified' && row.disqualify_reason === input.reason) return;
    if (!(await repo.update(trx, id, input.version, { status: 'disqualified', disqualify_reason: input.reason, updated_at: now, updated_by: actor.userId }))) {
      throw await staleLead(ctx, actor, id, trx);
    }
    await recordChange(trx, {
      entityType: 'lead', entityId: id, action: 'disqualify', actorId: actor.userId, at: now, label: row.name,
      changes: [{ field: 'status', old: row.status, new: 'disqualified' }, { field: 'disqualifyReason', old: row.disqualify_reason, new: input.reason }],
    });
  });
  return getLead(ctx, actor, id);
}

export async function getLeadHistory(ctx: AppContext, actor: Actor, id: number, page: { page: number; pageSize: number }): Promise<ListResponse<HistoryEntry>> {
  authorize(actor, 'leads.view');
  await findVisible(ctx.db, actor, id);
  return entityHistory(ctx.db, 'lead', id, page);
}

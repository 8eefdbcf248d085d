import { formatMoney, type ApprovalList, type ApprovalRequest, type FieldChange, type HistoryAction, type NotificationKind, type approvalDecision, type approvalListQuery } from '@crm/contracts';
import type { z } from 'zod';
import { can, type Actor } from '../../platform/auth/actor.js';
import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { managerChain } from '../departments/index.js';
import { recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { roleNames } from '../roles/index.js';
import { activeUser, activeUsersWithRole, userNames } from '../users/index.js';
import { isApproverOf, requestVisibility } from './approvals.access.js';
import { flowMatches } from './approvals.match.js';
import { conditionsOf, presentRequest, stepsOfFlow } from './approvals.presenter.js';
import { approvalRecordTypeOf, factsOf, type ApprovalFacts, type ApprovalRecordType } from './approvals.registry.js';
import * as repo from './approvals.repository.js';

type Db = AppContext['db'];

function definitionOf(type: string): ApprovalRecordType {
  const definition = approvalRecordTypeOf(type);
  if (!definition) throw new Error(`approval record type ${type} is not registered`);
  return definition;
}

async function present(ctx: AppContext, actor: Actor, rows: repo.RequestRow[], db: Db = ctx.db): Promise<ApprovalRequest[]> {
  const steps = await repo.stepsOf(db, rows.map((r) => r.id));
  const names = await userNames(ctx, [...rows.flatMap((r) => [r.owner_id, r.submitted_by]), ...steps.map((s) => s.decided_by)], db);
  return rows.map((r) => presentRequest(r, steps.filter((s) => s.request_id === r.id), actor, names));
}

async function presentOne(ctx: AppContext, actor: Actor, id: number, db: Db = ctx.db): Promise<ApprovalRequest> {
  const row = await repo.findRequest(db, id);
  if (!row) throw notFound();
  const [request] = await present(ctx, actor, [row], db);
  if (!request) throw notFound();
  return request;
}

/** The first active flow of the record's type whose conditions hold for these facts, if any. */
async function matchingFlow(db: Db, recordType: string, facts: ApprovalFacts): Promise<repo.FlowRow | undefined> {
  const flows = await repo.activeFlows(db, recordType);
  return flows.find((f) => flowMatches({ match: f.match, conditions: conditionsOf(f) }, facts));
}

/** The flow that applies to a record now ({ flowId, flowName }), or null: it needs no approval. */
export async function approvalRequirement(db: Db, recordType: string, recordId: number): Promise<{ flowId: number; flowName: string } | null> {
  const facts = await factsOf(definitionOf(recordType), db, recordId);
  if (!facts) return null;
  const flow = await matchingFlow(db, recordType, facts);
  return flow ? { flowId: flow.id, flowName: flow.name } : null;
}

const noApprover = (position: number) => new AppError('CONFLICT', 'approvalNoApprover', undefined, undefined, { step: position });

/**
 * Who approves each step, fixed when the record is submitted: a named user (active), the
 * owner's manager (the nearest department head up the tree who is not the owner and is active),
 * or a role (checked to have an active holder other than the owner and the submitter). 409 when a
 * step has nobody: an administrator fixes the flow or the department first.
 */
async function resolveSteps(ctx: AppContext, db: Db, flow: repo.FlowRow, facts: ApprovalFacts, submitterId: number, at: string): Promise<repo.NewStep[]> {
  const definitions = stepsOfFlow(flow);
  const roles = await roleNames(db, definitions.map((s) => (s.kind === 'role' ? s.roleId : null)));
  const out: repo.NewStep[] = [];
  for (const [index, step] of definitions.entries()) {
    const position = index + 1;
    let userId: number | null = null;
    let roleId: number | null = null;
    if (step.kind === 'user') {
      if (!(await activeUser(ctx, step.userId, db))) throw noApprover(position);
      userId = step.userId;
    } else if (step.kind === 'manager') {
      const chain = facts.ownerDepartmentId === null ? [] : await managerChain(db, facts.ownerDepartmentId);
      for (const candidate of chain) {
        if (candidate === null || candidate === facts.ownerId) continue;
        if (await activeUser(ctx, candidate, db)) {
          userId = candidate;
          break;
        }
      }
      if (userId === null) throw noApprover(position);
    } else {
      const holders = (await activeUsersWithRole(db, step.roleId)).filter((id) => id !== facts.ownerId && id !== submitterId);
      if (!roles.has(step.roleId) || holders.length === 0) throw noApprover(position);
      roleId = step.roleId;
    }
    const name = userId !== null ? ((await userNames(ctx, [userId], db)).get(userId) ?? null) : (roles.get(roleId ?? 0) ?? null);
    out.push({ position, kind: step.kind, user_id: userId, role_id: roleId, approver_name: name, status: position === 1 ? 'pending' : 'waiting', started_at: position === 1 ? at : null, decided_by: null, decided_at: null, comment: null });
  }
  return out;
}

/** The users a step waits for: its user, or the role's active holders other than the owner and submitter. */
async function approversOf(db: Db, request: Pick<repo.RequestRow, 'owner_id' | 'submitted_by'>, step: Pick<repo.StepRow, 'user_id' | 'role_id'>): Promise<number[]> {
  if (step.user_id !== null) return [step.user_id];
  if (step.role_id === null) return [];
  return (await activeUsersWithRole(db, step.role_id)).filter((id) => id !== request.owner_id && id !== request.submitted_by);
}

async function tell(db: Db, userIds: Iterable<number>, kind: NotificationKind, request: Pick<repo.RequestRow, 'id' | 'record_type' | 'record_id' | 'record_number' | 'record_title' | 'amount' | 'currency'>, params: Record<string, string | number>, at: string): Promise<void> {
  const entity = kind === 'approval_requested' ? { entityType: 'approval', entityId: request.id } : { entityType: request.record_type, entityId: request.record_id };
  for (const userId of new Set(userIds)) {
    await notify(db, { userId, kind, at, ...entity, params: { record: `${request.record_number} ${request.record_title}`, amount: formatMoney(Number(request.amount), request.currency, 'zh-CN'), ...params } });
  }
}

async function record(db: Db, definition: ApprovalRecordType, request: Pick<repo.RequestRow, 'record_id' | 'customer_id' | 'record_number'>, action: HistoryAction, actorId: number, at: string, changes: FieldChange[]): Promise<void> {
  await recordChange(db, { entityType: definition.historyEntityType, entityId: request.record_id, customerId: request.customer_id, action, actorId, at, label: request.record_number, changes });
}

/**
 * Submit a record for approval when a flow applies to it, in the record module's transaction
 * (the record's own update, conditional on its version, keeps two submissions from both going
 * through; the one-pending index is the last guard). Snapshots the record and the flow's steps,
 * tells step 1's approvers and records the submission in the record's history. Returns the
 * request's id, or null when no flow applies (the record may go ahead).
 */
export async function startApproval(ctx: AppContext, db: Db, actor: Actor, recordType: string, recordId: number, at: string): Promise<number | null> {
  const definition = definitionOf(recordType);
  const facts = await factsOf(definition, db, recordId);
  if (!facts) throw notFound();
  const flow = await matchingFlow(db, recordType, facts);
  if (!flow) return null;
  if (await repo.pendingOf(db, recordType, recordId)) throw new AppError('CONFLICT', 'approvalAlreadyPending');
  const steps = await resolveSteps(ctx, db, flow, facts, actor.userId, at);
  const values: Omit<repo.RequestRow, 'id'> = {
    record_type: recordType,
    record_id: recordId,
    flow_id: flow.id,
    flow_name: flow.name,
    status: 'pending',
    current_step: 1,
    record_number: facts.number.slice(0, 40),
    record_title: facts.title.slice(0, 200),
    customer_id: facts.customerId,
    customer_name: facts.customerName === null ? null : facts.customerName.slice(0, 200),
    amount: facts.amount,
    currency: facts.currency,
    owner_id: facts.ownerId,
    submitted_by: actor.userId,
    submitted_at: at,
    step_started_at: at,
    decided_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: actor.userId,
    updated_by: actor.userId,
  };
  let requestId: number;
  try {
    requestId = await repo.insertRequest(db, values);
  } catch (error) {
    // A parallel submission took the one pending place first (PostgreSQL waits for it, then refuses).
    if (/unique|duplicate/i.test(String(error))) throw new AppError('CONFLICT', 'approvalAlreadyPending');
    throw error;
  }
  await repo.insertSteps(db, requestId, steps);
  const request = { ...values, id: requestId };
  await record(db, definition, request, 'approval_submit', actor.userId, at, [{ field: 'flow', old: null, new: flow.name }]);
  const first = steps[0];
  if (first) await tell(db, await approversOf(db, request, first), 'approval_requested', request, { submitter: actor.name, step: 1 }, at);
  return requestId;
}

/** Withdraw a record's pending request (its submitter or owner moved it back to draft); false when none was pending. */
export async function withdrawApproval(db: Db, actor: Actor, recordType: string, recordId: number, at: string): Promise<boolean> {
  const pending = await repo.pendingOf(db, recordType, recordId);
  if (!pending) return false;
  if (!(await repo.cancelRequest(db, pending.id, at, actor.userId))) return false;
  await record(db, definitionOf(recordType), pending, 'approval_withdraw', actor.userId, at, [{ field: 'flow', old: null, new: pending.flow_name }]);
  return true;
}

/** A request the actor may see, else 404 (whether it exists is not told). */
async function visibleRequest(db: Db, actor: Actor, id: number): Promise<repo.RequestRow> {
  const row = await repo.findRequest(db, id);
  if (!row || !(await repo.isVisible(db, id, requestVisibility(actor)))) throw notFound();
  return row;
}

export async function getRequest(ctx: AppContext, actor: Actor, id: number): Promise<ApprovalRequest> {
  await visibleRequest(ctx.db, actor, id);
  return presentOne(ctx, actor, id);
}

/**
 * Approve or reject the current step, by one of its approvers only (403 for anyone else who may
 * see the request). Conditional on the request's version and step, so of two decisions at once
 * one wins and the other is a 409. Approving the last step approves the record (its module's
 * onApproved, the owner told); a rejection ends the request (onRejected, with the comment).
 */
export async function decide(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof approvalDecision>): Promise<ApprovalRequest> {
  const comment = input.comment ?? null;
  if (input.decision === 'reject' && comment === null) throw invalid('comment', 'approvalCommentRequired');
  const at = ctx.clock.now().toISOString();
  const gone = await ctx.db.transaction().execute(async (trx) => {
    const row = await visibleRequest(trx, actor, id);
    if (row.status !== 'pending' || row.current_step === null) throw new AppError('CONFLICT', 'approvalDecided', undefined, await presentOne(ctx, actor, id, trx));
    const steps = await repo.stepsOf(trx, [id]);
    const step = steps.find((s) => s.position === row.current_step);
    if (!step || !isApproverOf(actor, row, step)) throw forbidden();
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, id, trx));
    const definition = definitionOf(row.record_type);
    if (!(await definition.loadFacts(trx, row.record_id))) {
      await repo.cancelRequest(trx, id, at, actor.userId);
      return true;
    }
    const last = step.position === steps.length;
    const approve = input.decision === 'approve';
    const changes: Partial<repo.RequestRow> = { updated_at: at, updated_by: actor.userId };
    if (approve && !last) Object.assign(changes, { current_step: step.position + 1, step_started_at: at });
    else Object.assign(changes, { status: approve ? 'approved' : 'rejected', current_step: null, decided_at: at });
    if (!(await repo.advanceRequest(trx, id, { version: row.version, step: step.position }, changes))) throw conflict(await presentOne(ctx, actor, id, trx));
    await repo.decideStep(trx, id, step.position, { status: approve ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: at, comment });
    const history: FieldChange[] = [{ field: 'step', old: null, new: `${step.position}/${steps.length}` }];
    if (comment !== null) history.push({ field: 'comment', old: null, new: comment });
    await record(trx, definition, row, approve ? 'approval_approve' : 'approval_reject', actor.userId, at, history);
    const outcome = { recordId: row.record_id, requestId: id, actorId: actor.userId, at, comment };
    const owners = [row.owner_id, row.submitted_by];
    if (approve && !last) {
      await repo.startStep(trx, id, step.position + 1, at);
      const next = steps.find((s) => s.position === step.position + 1);
      const submitter = (await userNames(ctx, [row.submitted_by], trx)).get(row.submitted_by) ?? '';
      if (next) await tell(trx, await approversOf(trx, row, next), 'approval_requested', row, { submitter, step: next.position }, at);
    } else if (approve) {
      await definition.onApproved(trx, outcome, ctx);
      await tell(trx, owners, 'approval_approved', row, { approver: actor.name }, at);
    } else {
      await definition.onRejected(trx, outcome, ctx);
      await tell(trx, owners, 'approval_rejected', row, { approver: actor.name, comment: comment ?? '' }, at);
    }
    return false;
  });
  // The record was deleted while it waited: the request is cancelled, nothing to decide.
  if (gone) throw new AppError('CONFLICT', 'approvalRecordGone');
  return presentOne(ctx, actor, id);
}

/**
 * The approval queue. `mine=pending`: waiting for my decision, oldest first; `mine=submitted`:
 * what I submitted; with a record: that record's requests (404 unless the caller may see the
 * record) and the flow that applies to it now; otherwise every request the caller may see.
 */
export async function listRequests(ctx: AppContext, actor: Actor, query: z.output<typeof approvalListQuery>): Promise<ApprovalList> {
  const filter: repo.RequestFilter = { visible: requestVisibility(actor), status: query.status };
  let requirement: ApprovalList['requirement'];
  if (query.recordType !== undefined || query.recordId !== undefined) {
    if (query.recordType === undefined || query.recordId === undefined) throw invalid(query.recordType === undefined ? 'recordType' : 'recordId', 'approvalRecordBoth');
    const definition = approvalRecordTypeOf(query.recordType);
    if (!definition) throw invalid('recordType', 'approvalUnknownRecordType');
    if (!can(actor, 'approvals.admin') && !(can(actor, definition.viewPermission) && (await definition.isVisible(ctx.db, actor, query.recordId)))) throw notFound();
    filter.visible = unscoped('whoever may see the record sees its approvals');
    filter.record = { type: query.recordType, id: query.recordId };
    requirement = await approvalRequirement(ctx.db, query.recordType, query.recordId);
  }
  if (query.mine === 'pending') filter.waitingFor = { userId: actor.userId, roleId: actor.roleId };
  if (query.mine === 'submitted') filter.submittedBy = actor.userId;
  const { rows, total } = await repo.listRequests(ctx.db, filter, query.mine === 'pending', query.pageSize, (query.page - 1) * query.pageSize);
  const list: ApprovalList = { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
  if (requirement !== undefined) list.requirement = requirement;
  return list;
}

/** Erase the approval requests of records erased for good (in the purge's transaction). */
export async function purgeApprovalsOf(db: Db, recordType: string, recordIds: number[]): Promise<void> {
  await repo.purgeOf(db, recordType, recordIds);
}

import type { ApprovalFlow, ApprovalFlowList, ApprovalStepWrite, approvalFlowCreate, approvalFlowQuery, approvalFlowUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { roleNames } from '../roles/index.js';
import { activeUser, userNames } from '../users/index.js';
import { presentFlow, stepsOfFlow } from './approvals.presenter.js';
import { approvalRecordTypeOf, approvalRecordTypes } from './approvals.registry.js';
import * as repo from './approvals.repository.js';

type Db = AppContext['db'];

async function present(ctx: AppContext, rows: Array<repo.FlowRow & { request_count: number }>, db: Db = ctx.db): Promise<ApprovalFlow[]> {
  const steps = rows.flatMap((r) => stepsOfFlow(r));
  const users = await userNames(ctx, steps.map((s) => (s.kind === 'user' ? s.userId : null)), db);
  const roles = await roleNames(db, steps.map((s) => (s.kind === 'role' ? s.roleId : null)));
  return rows.map((r) => presentFlow(r, users, roles));
}

async function presentOne(ctx: AppContext, id: number, db: Db = ctx.db): Promise<ApprovalFlow> {
  const row = await repo.findFlow(db, id);
  if (!row) throw notFound();
  const [flow] = await present(ctx, [row], db);
  if (!flow) throw notFound();
  return flow;
}

/** Field problems of a flow: a record type nobody registered, a step naming a user or role that is not there. */
async function check(ctx: AppContext, db: Db, input: { recordType?: string; steps?: ApprovalStepWrite[] }): Promise<void> {
  const details: ErrorDetail[] = [];
  if (input.recordType !== undefined && !approvalRecordTypeOf(input.recordType)) details.push({ path: 'recordType', message: 'approvalUnknownRecordType' });
  const roleIds = (input.steps ?? []).flatMap((s) => (s.kind === 'role' ? [s.roleId] : []));
  const roles = await roleNames(db, roleIds);
  for (const [index, step] of (input.steps ?? []).entries()) {
    if (step.kind === 'user' && !(await activeUser(ctx, step.userId, db))) details.push({ path: `steps.${index}.userId`, message: 'unknownUser' });
    if (step.kind === 'role' && !roles.has(step.roleId)) details.push({ path: `steps.${index}.roleId`, message: 'unknownRole' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

export async function listFlows(ctx: AppContext, actor: Actor, query: z.output<typeof approvalFlowQuery>): Promise<ApprovalFlowList> {
  authorize(actor, 'approvals.admin');
  const { rows, total } = await repo.listFlows(ctx.db, query.recordType, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize, recordTypes: approvalRecordTypes() };
}

export async function getFlow(ctx: AppContext, actor: Actor, id: number): Promise<ApprovalFlow> {
  authorize(actor, 'approvals.admin');
  return presentOne(ctx, id);
}

/** Define a flow: when its conditions hold for a record of its type, the record waits for its steps. */
export async function createFlow(ctx: AppContext, actor: Actor, input: z.output<typeof approvalFlowCreate>): Promise<ApprovalFlow> {
  authorize(actor, 'approvals.admin');
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await check(ctx, trx, input);
    return repo.insertFlow(trx, {
      name: input.name,
      record_type: input.recordType,
      active: input.active ? 1 : 0,
      priority: input.priority,
      match: input.match,
      conditions: JSON.stringify(input.conditions),
      steps: JSON.stringify(input.steps),
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
  });
  return presentOne(ctx, id);
}

/** Change a flow; requests already made keep the steps they were given. 409 when stale. */
export async function updateFlow(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof approvalFlowUpdate>): Promise<ApprovalFlow> {
  authorize(actor, 'approvals.admin');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findFlow(trx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(await presentOne(ctx, id, trx));
    await check(ctx, trx, input);
    const changes: Partial<repo.FlowRow> = { updated_at: at, updated_by: actor.userId };
    if (input.name !== undefined) changes.name = input.name;
    if (input.recordType !== undefined) changes.record_type = input.recordType;
    if (input.active !== undefined) changes.active = input.active ? 1 : 0;
    if (input.priority !== undefined) changes.priority = input.priority;
    if (input.match !== undefined) changes.match = input.match;
    if (input.conditions !== undefined) changes.conditions = JSON.stringify(input.conditions);
    if (input.steps !== undefined) changes.steps = JSON.stringify(input.steps);
    if (!(await repo.updateFlow(trx, id, input.version, changes))) throw conflict(await presentOne(ctx, id, trx));
  });
  return presentOne(ctx, id);
}

/** Delete a flow no request was made with; one in use is deactivated instead (409). */
export async function deleteFlow(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'approvals.admin');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findFlow(trx, id);
    if (!row) throw notFound();
    if (!(await repo.deleteUnusedFlow(trx, id))) throw new AppError('CONFLICT', 'approvalFlowInUse');
  });
}

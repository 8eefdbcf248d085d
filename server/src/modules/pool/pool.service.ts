import type { Customer, PoolRulesState, PoolRunResult, TransferResult, customerRelease, customerTransfer, followUpCreate, poolRulesUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.js';
import { writeSetting } from '../../platform/settings.js';
import { checkOwner, customerScope, findReadable, findVisible, getCustomer, movableCustomers, moveCustomerOwner, ownedCount, touchCustomer } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import * as repo from './pool.repository.js';
import { poolRulesKey, readPoolRules, runPoolRules } from './pool.rules.js';

type Db = AppContext['db'];
const day = 24 * 60 * 60 * 1000;

function readable(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Refuse when the user may not own one more customer, or gave this one up too recently. */
async function checkMayClaim(db: Db, rules: Awaited<ReturnType<typeof readPoolRules>>['value'], customerId: number, userId: number, now: Date): Promise<void> {
  if (rules.reclaimWaitDays > 0) {
    const since = new Date(now.getTime() - rules.reclaimWaitDays * day).toISOString();
    const released = await repo.lastRelease(db, customerId, userId, since);
    if (released !== null) {
      const date = new Date(new Date(released).getTime() + rules.reclaimWaitDays * day).toISOString();
      throw new AppError('BAD_REQUEST', 'poolReclaimWait', undefined, undefined, { date: readable(date) });
    }
  }
  if (rules.maxCustomersPerUser !== null && (await ownedCount(db, userId)) >= rules.maxCustomersPerUser) {
    throw new AppError('BAD_REQUEST', 'poolMaxOwned', undefined, undefined, { max: rules.maxCustomersPerUser });
  }
}

/** Take a customer from the public pool. */
export async function claimCustomer(ctx: AppContext, actor: Actor, id: number): Promise<Customer> {
  authorize(actor, 'customers.claim');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { value: rules } = await readPoolRules(ctx.db);
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockOwner(trx, ctx.engine, actor.userId);
    const row = await findReadable(trx, actor, id);
    if (row.owner_id !== null) return false;
    await checkMayClaim(trx, rules, id, actor.userId, now);
    if (!(await moveCustomerOwner(trx, { id, from: null, version: row.version, to: actor.userId, at, by: actor.userId }))) return false;
    await recordChange(trx, { entityType: 'customer', entityId: id, customerId: id, action: 'claim', actorId: actor.userId, at, label: row.name, changes: [{ field: 'ownerId', old: null, new: actor.userId }] });
    return true;
  });
  if (!claimed) throw new AppError('CONFLICT', 'poolNotInPool', undefined, await getCustomer(ctx, actor, id));
  return getCustomer(ctx, actor, id);
}

/** Put a customer back in the pool: one's own with the claim right, anyone's in scope with the assign right. */
export async function releaseCustomer(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof customerRelease>): Promise<Customer> {
  if (!can(actor, 'customers.claim') && !can(actor, 'customers.assign')) throw forbidden();
  const at = ctx.clock.now().toISOString();
  const row = await findReadable(ctx.db, actor, id);
  if (row.owner_id === null) throw new AppError('CONFLICT', 'poolAlreadyInPool', undefined, await getCustomer(ctx, actor, id));
  await findVisible(ctx.db, actor, id); // read through a deal only: not theirs to release
  if (row.owner_id !== actor.userId && !can(actor, 'customers.assign')) throw forbidden();
  const owner = row.owner_id;
  const released = await ctx.db.transaction().execute(async (trx) => {
    if (!(await moveCustomerOwner(trx, { id, from: owner, version: row.version, to: null, at, by: actor.userId }))) return false;
    const reason = input.reason ?? null;
    await recordChange(trx, {
      entityType: 'customer', entityId: id, customerId: id, action: 'release', actorId: actor.userId, at, label: row.name,
      changes: [{ field: 'ownerId', old: owner, new: null }, ...(reason !== null ? [{ field: 'reason', old: null, new: reason }] : [])],
    });
    await repo.rememberRelease(trx, { customerId: id, userId: owner, kind: 'release', at });
    return true;
  });
  if (!released) throw conflict(await getCustomer(ctx, actor, id));
  return getCustomer(ctx, actor, id);
}

/** Give customers (1 to 500) to one user: all of them or none. */
export async function transferCustomers(ctx: AppContext, actor: Actor, input: z.output<typeof customerTransfer>): Promise<TransferResult> {
  authorize(actor, 'customers.assign');
  const ids = [...new Set(input.customerIds)];
  const ownerId = input.ownerId;
  await checkOwner(ctx, actor, ownerId);
  const rows = await movableCustomers(ctx.db, ids, customerScope(actor));
  const found = new Set(rows.map((r) => r.id));
  const missing = input.customerIds.flatMap((cid, index) => (found.has(cid) ? [] : [{ path: `customerIds.${index}`, message: 'unknownCustomer' as const }]));
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', missing);
  const moving = rows.filter((r) => r.owner_id !== ownerId);
  const { value: rules } = await readPoolRules(ctx.db);
  const ownerName = (await userNames(ctx, [ownerId])).get(ownerId) ?? String(ownerId);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockOwner(trx, ctx.engine, ownerId);
    if (rules.maxCustomersPerUser !== null && moving.length > 0) {
      const count = (await ownedCount(trx, ownerId)) + moving.length;
      if (count > rules.maxCustomersPerUser) {
        throw new AppError('BAD_REQUEST', 'poolMaxOwnedBy', undefined, undefined, { owner: ownerName, count, max: rules.maxCustomersPerUser });
      }
    }
    const note = input.note ?? null;
    for (const row of moving) {
      // Changed since it was read: the whole transfer is refused (the transaction rolls back).
      if (!(await moveCustomerOwner(trx, { id: row.id, from: row.owner_id, version: row.version, to: ownerId, at, by: actor.userId }))) throw conflict(undefined);
      await recordChange(trx, {
        entityType: 'customer', entityId: row.id, customerId: row.id, action: 'assign', actorId: actor.userId, at, label: row.name,
        changes: [{ field: 'ownerId', old: row.owner_id, new: ownerId }, ...(note !== null ? [{ field: 'note', old: null, new: note }] : [])],
      });
      if (ownerId !== actor.userId) {
        await notify(trx, { userId: ownerId, kind: 'customer_assigned', params: { actor: actor.name, customer: row.name }, entityType: 'customer', entityId: row.id, at });
      }
    }
  });
  return { moved: moving.length };
}

/**
 * Record a follow-up on a customer (until the activities module exists): a timeline entry, and
 * the customer's follow-up clock moves forward.
 */
export async function addFollowUp(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof followUpCreate>): Promise<Customer> {
  authorize(actor, 'customers.edit');
  const row = await findVisible(ctx.db, actor, id);
  const now = ctx.clock.now();
  const at = input.at ?? now.toISOString();
  // A minute of leeway for the caller's clock.
  if (new Date(at).getTime() > now.getTime() + 60_000) throw invalid('at', 'poolFollowUpInFuture');
  const recordedAt = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await touchCustomer(trx, id, { followUpAt: at });
    await recordChange(trx, {
      entityType: 'customer', entityId: id, customerId: id, action: 'follow_up', actorId: actor.userId, at: recordedAt, label: row.name,
      changes: [{ field: 'note', old: null, new: input.note }, ...(input.at !== undefined ? [{ field: 'at', old: null, new: at }] : [])],
    });
  });
  return getCustomer(ctx, actor, id);
}

/** Every signed-in user may read the rules: owners need to know when their customers go back. */
export async function getPoolRules(ctx: AppContext, _actor: Actor): Promise<PoolRulesState> {
  const { value, version } = await readPoolRules(ctx.db);
  return { ...value, version };
}

export async function updatePoolRules(ctx: AppContext, actor: Actor, input: z.output<typeof poolRulesUpdate>): Promise<PoolRulesState> {
  authorize(actor, 'settings.edit');
  const { version, ...rules } = input;
  const written = await writeSetting(ctx.db, poolRulesKey, rules, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) {
    const current = await readPoolRules(ctx.db);
    throw conflict({ ...current.value, version: current.version });
  }
  return getPoolRules(ctx, actor);
}

export async function runPoolRulesNow(ctx: AppContext, actor: Actor): Promise<PoolRunResult> {
  authorize(actor, 'settings.edit');
  return runPoolRules(ctx);
}

import type { Actor } from '../../platform/auth/actor.js';
import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { customerScope } from './customers.records.js';
import * as repo from './customers.repository.js';

type Db = AppContext['db'];

/*
 * Where a merged customer went. A merge (the duplicates module) deletes the merged customers
 * pointing to the survivor (merged_into_id); reading that trail is the customer record's business,
 * so a customer page asked for a merged id can say where it went without importing duplicates.
 */

/** A deleted customer's merged_into_id (null when it was not merged, undefined when there is no such customer). */
async function mergedInto(db: Db, id: number): Promise<number | null | undefined> {
  const row = await repo.findById(db, id, unscoped('read the merge trail of a customer, whoever owns it'), { any: true });
  if (!row) return undefined;
  return row.deleted_at !== null ? row.merged_into_id : null;
}

/**
 * The live customer a merged one ended up in (following merges of merges), or null when the id
 * was never merged or is unknown.
 */
export async function finalSurvivor(db: Db, id: number): Promise<number | null> {
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    const next = await mergedInto(db, current);
    if (next === undefined) return null;
    if (next === null) return current === id ? null : (await repo.findById(db, current, unscoped('follow a merge chain to its survivor'))) ? current : null;
    current = next;
  }
  return null;
}

/**
 * NOT_FOUND for a customer the actor cannot get; when it was merged into a customer the actor may
 * see, the error says where it went (`current.mergedInto`).
 */
export async function mergedNotFound(db: Db, actor: Actor, id: number): Promise<AppError> {
  const survivor = await finalSurvivor(db, id);
  if (survivor === null || !(await repo.findById(db, survivor, customerScope(actor)))) return notFound();
  return new AppError('NOT_FOUND', 'notFound', undefined, { mergedInto: survivor });
}

/**
 * CONFLICT when a customer in the actor's scope was merged into another since it was read (the
 * field at `path` named it); `current.mergedInto` when the actor may see where it went. Null otherwise.
 */
export async function mergedAwayConflict(db: Db, actor: Actor, id: number, path: string): Promise<AppError | null> {
  const scope = customerScope(actor);
  if (!(await repo.findById(db, id, scope, { deleted: true })) || !(await mergedInto(db, id))) return null;
  const survivor = await finalSurvivor(db, id);
  const visible = survivor !== null && (await repo.findById(db, survivor, scope)) !== undefined;
  return new AppError('CONFLICT', 'mergeAlreadyMerged', [{ path, message: 'mergeAlreadyMerged' }], visible ? { mergedInto: survivor } : undefined);
}

import { sql, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { isUnscoped, viaOwnDeal, type Scope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { customerEditScope, customerScope } from '../customers/index.js';
import * as repo from './contacts.repository.js';

// Contacts are seen through their customer (`c`); the contact itself is `k`.

/** What the actor may read: contacts of customers in scope (the pool included), and the contacts of the live deals they own. */
export function contactReadScope(actor: Actor): Scope {
  const scope = customerScope(actor);
  return isUnscoped(scope) ? scope : sql<SqlBool>`(${scope} or ${viaOwnDeal(actor, 'k.id', 'contact')})`;
}

/** What the actor may change: contacts of customers they may change (see customerEditScope). */
export function contactEditScope(actor: Actor): Scope {
  return customerEditScope(actor);
}

/** Which of these live contacts the actor may read (see contactReadScope). */
export async function readableContactIds(db: AppContext['db'], actor: Actor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await repo.filtered(db, { scope: contactReadScope(actor) }).select('k.id').where('k.id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

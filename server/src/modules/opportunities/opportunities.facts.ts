import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { DB } from '../../platform/db/schema.js';
import { visibleByIds } from './opportunities.repository.js';
import { opportunityScope } from './opportunities.service.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The deals an owner won between two instants (the company's month): how many, and for how much
 * in the base currency (fen). A deal is won when it entered its won stage; its forecast month is
 * the UTC month of that instant, so the owner index is read for the UTC months the range touches.
 */
export async function wonDealsOf(db: Db, ownerId: number, fromIso: string, toIso: string): Promise<{ count: number; amount: number }> {
  const months = [...new Set([Date.parse(fromIso), Date.parse(toIso) - 1].map((ms) => new Date(ms).toISOString().slice(0, 7)))];
  const row = await db
    .selectFrom('opportunities')
    .where('owner_id', '=', ownerId)
    .where('forecast_month', 'in', months)
    .where('status', '=', 'won')
    .where('deleted_at', 'is', null)
    .where('stage_entered_at', '>=', fromIso)
    .where('stage_entered_at', '<', toIso)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('won_amount_base').as('amount')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), amount: Number(row.amount ?? 0) };
}

/** The names of the live deals among `ids` the actor may see, by id. */
export async function visibleDealNames(db: Db, actor: Actor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await visibleByIds(db, ids, opportunityScope(actor))).map((r) => [r.id, r.name]));
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewEntry {
  entityType: string;
  entityId: number;
  customerId: number | null;
  action: string;
  actorId: number | null;
  at: string;
  label: string | null;
  changes: unknown[];
}

export async function insertEntries(db: Db, entries: NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('change_log')
    .values(
      entries.map((e) => ({
        entity_type: e.entityType,
        entity_id: e.entityId,
        customer_id: e.customerId,
        action: e.action,
        actor_id: e.actorId,
        at: e.at,
        label: e.label,
        changes: JSON.stringify(e.changes),
      })),
    )
    .execute();
}

function baseQuery(db: Db) {
  return db
    .selectFrom('change_log as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.entity_type', 'h.entity_id', 'h.action', 'h.actor_id', 'h.at', 'h.label', 'h.changes', 'u.name as actor_name']);
}

export interface HistoryFilter {
  actions?: string[];
  entityType?: string;
}

export async function listByCustomer(db: Db, customerId: number, limit: number, offset: number, filter: HistoryFilter = {}) {
  const filtered = <Q extends ReturnType<typeof baseQuery>>(query: Q): Q => {
    let q = query.where('h.customer_id', '=', customerId);
    if (filter.actions && filter.actions.length > 0) q = q.where('h.action', 'in', filter.actions);
    if (filter.entityType) q = q.where('h.entity_type', '=', filter.entityType);
    return q as Q;
  };
  const [rows, count] = await Promise.all([
    filtered(baseQuery(db)).orderBy('h.id', 'desc').limit(limit).offset(offset).execute(),
    filtered(baseQuery(db)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listByEntity(db: Db, entityType: string, entityId: number, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    baseQuery(db).where('h.entity_type', '=', entityType).where('h.entity_id', '=', entityId).orderBy('h.id', 'desc').limit(limit).offset(offset).execute(),
    db
      .selectFrom('change_log')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function moveToCustomer(db: Db, fromIds: number[], toId: number): Promise<void> {
  if (fromIds.length === 0) return;
  await db.updateTable('change_log').set({ customer_id: toId }).where('customer_id', 'in', fromIds).execute();
}

export async function deleteByCustomer(db: Db, customerId: number): Promise<void> {
  await db.deleteFrom('change_log').where('customer_id', '=', customerId).execute();
}

/** An actor's latest entries on some kinds of record, newest first: a backward range of the (actor, id) index. */
export async function latestByActor(db: Db, actorId: number, entityTypes: readonly string[], limit: number) {
  if (entityTypes.length === 0) return [];
  return db
    .selectFrom('change_log')
    .select(['entity_type', 'entity_id', 'action', 'at'])
    .where('actor_id', '=', actorId)
    .where('entity_type', 'in', entityTypes)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

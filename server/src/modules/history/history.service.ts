import type { FieldChange, HistoryAction, HistoryEntityType, HistoryEntry, ListResponse } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import * as repo from './history.repository.js';

type Db = Kysely<DB> | Transaction<DB>;

export type { HistoryAction };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field-by-field differences between two presented records. Nested objects (a customer's
 * person profile) are compared per key, with paths such as `person.birthday`.
 */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    const nested = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (nested(a) || nested(b)) {
      const ao = (nested(a) ? a : {}) as Record<string, unknown>;
      const bo = (nested(b) ? b : {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
        if (!same(ao[key], bo[key])) changes.push({ field: `${field}.${key}`, old: ao[key] ?? null, new: bo[key] ?? null });
      }
    } else if (!same(a, b)) {
      changes.push({ field, old: a ?? null, new: b ?? null });
    }
  }
  return changes;
}

/** Record one change in the history, inside the caller's transaction. */
export async function recordChange(
  db: Db,
  entry: {
    entityType: HistoryEntityType;
    entityId: number;
    customerId?: number | null;
    action: HistoryAction;
    actorId: number | null;
    at: string;
    label?: string | null;
    changes?: FieldChange[];
  },
): Promise<void> {
  await repo.insertEntries(db, [
    {
      entityType: entry.entityType,
      entityId: entry.entityId,
      customerId: entry.customerId ?? null,
      action: entry.action,
      actorId: entry.actorId,
      at: entry.at,
      label: entry.label ?? null,
      changes: entry.changes ?? [],
    },
  ]);
}

export { insertEntries as recordChanges } from './history.repository.js';

type Row = Awaited<ReturnType<typeof repo.listByCustomer>>['rows'][number];

function present(row: Row, maskChange: (c: FieldChange) => FieldChange): HistoryEntry {
  return {
    id: row.id,
    entityType: row.entity_type as HistoryEntityType,
    entityId: row.entity_id,
    action: row.action as HistoryAction,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
    label: row.label,
    changes: (JSON.parse(row.changes) as FieldChange[]).map(maskChange),
  };
}

/** A customer's history (its own changes and its contacts'), optionally by action and entity type; the caller has checked access. */
export async function customerHistory(
  db: Db,
  customerId: number,
  page: { page: number; pageSize: number } & repo.HistoryFilter,
  maskChange: (c: FieldChange) => FieldChange = (c) => c,
): Promise<ListResponse<HistoryEntry>> {
  const { rows, total } = await repo.listByCustomer(db, customerId, page.pageSize, (page.page - 1) * page.pageSize, { actions: page.actions, entityType: page.entityType });
  return { items: rows.map((r) => present(r, maskChange)), total, page: page.page, pageSize: page.pageSize };
}

/** One record's history; the caller has checked access. */
export async function entityHistory(
  db: Db,
  entityType: HistoryEntityType,
  entityId: number,
  page: { page: number; pageSize: number },
): Promise<ListResponse<HistoryEntry>> {
  const { rows, total } = await repo.listByEntity(db, entityType, entityId, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: rows.map((r) => present(r, (c) => c)), total, page: page.page, pageSize: page.pageSize };
}

/** A merge: the merged customers' timelines become part of the survivor's (entries keep their entity). */
export async function moveCustomerHistory(db: Db, fromIds: number[], toId: number): Promise<void> {
  await repo.moveToCustomer(db, fromIds, toId);
}

export async function purgeCustomerHistory(db: Db, customerId: number): Promise<void> {
  await repo.deleteByCustomer(db, customerId);
}

/**
 * The records an actor touched last (created, changed, followed up...), each once with its latest
 * action, newest first, from the actor's last `entries` history entries. The caller keeps those
 * the actor may still see.
 */
export async function recentlyTouchedBy(db: Db, actorId: number, entityTypes: readonly HistoryEntityType[], entries: number): Promise<Array<{ entityType: HistoryEntityType; entityId: number; action: HistoryAction; at: string }>> {
  const seen = new Set<string>();
  const out: Array<{ entityType: HistoryEntityType; entityId: number; action: HistoryAction; at: string }> = [];
  for (const r of await repo.latestByActor(db, actorId, entityTypes, entries)) {
    const key = `${r.entity_type}:${r.entity_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ entityType: r.entity_type as HistoryEntityType, entityId: r.entity_id, action: r.action as HistoryAction, at: r.at });
  }
  return out;
}

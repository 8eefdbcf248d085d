import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Permission } from '@crm/contracts';
import { t } from '../../platform/i18n.js';
import { userNames } from '../users/index.js';
import type { RowMessage } from './convert.js';
import type { ImportPlan, RowResult } from './plan.js';
import * as repo from './imports.repository.js';

type Db = AppContext['db'];

/** `p:` phone, `e:` email, `n:` organisation name: what two records share, in words. */
export function matchWords(plan: ImportPlan, keys: Iterable<string>): string {
  const kinds = new Set([...keys].map((k) => k.slice(0, 2)));
  const words: string[] = [];
  if (kinds.has('p:')) words.push(t(plan.locale, 'importMatchPhone'));
  if (kinds.has('e:')) words.push(t(plan.locale, 'importMatchEmail'));
  if (kinds.has('n:')) words.push(t(plan.locale, 'importMatchName'));
  return words.join(plan.locale === 'en' ? ', ' : '、');
}

/** A prepared row as the duplicate decision sees it: valid (`input`) or not, and its duplicate keys. */
export interface MatchableRow {
  rowNo: number;
  input: object | null;
  keys: string[];
}

/** A stored record a row may duplicate. */
export interface StoredRow {
  id: number;
  name: string;
  owner_id: number | null;
}

/** What differs between the entities an import matches on keys (customers, leads). */
export interface DuplicateRules<P extends MatchableRow, Row extends StoredRow, New> {
  /** Live records holding any of the keys: id -> the keys it holds. */
  withKeys(db: Db, keys: string[]): Promise<Map<number, Iterable<string>>>;
  /** The records by id, and which of them the importer may see. */
  byIds(db: Db, ids: number[]): Promise<{ rows: Map<number, Row>; visible: Set<number> }>;
  /** What a row creates; messages when it may not; null when there is nothing to write. */
  creation(p: P): { create: New } | { messages: RowMessage[] } | null;
  insert(db: Db, items: New[]): Promise<Array<{ id: number } | undefined>>;
  update(db: Db, target: Row, p: P): Promise<{ row: Row; changed: boolean }>;
  editPermission: Permission;
  /** A duplicate the importer may see, named. */
  describeVisible(row: Row, match: string): string;
  /** A duplicate the importer may not see: only its owner (null: in the pool). */
  describeHidden(ownerName: string | null, match: string): string;
  /** Refusing an update without the edit right. */
  noEdit(target: Row | undefined): string;
}

/** Where an earlier row of this batch went, so a later row with the same keys is its duplicate. */
interface Earlier {
  rowNo: number;
  /** Null until a pending creation is written. */
  id: number | null;
  pending: boolean;
}

/**
 * The duplicate modes of an import, for one batch: each valid row is matched against existing
 * records and earlier rows (of this batch, or of earlier batches of the same file) by its keys,
 * then created, used to update its match, skipped or rejected according to the mode. Creations
 * are written together, and before an update that targets one of them.
 */
export async function decideDuplicates<P extends MatchableRow & { messages: RowMessage[] }, Row extends StoredRow, New>(
  db: Db,
  plan: ImportPlan,
  prepared: P[],
  options: { dry: boolean },
  rules: DuplicateRules<P, Row, New>,
): Promise<RowResult[]> {
  const { ctx, actor, mode } = plan;
  const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));

  // Existing records holding any key of the batch, which of them the importer may see, and which
  // were created by earlier batches of this very import.
  const allKeys = [...new Set(prepared.flatMap((p) => p.keys))];
  const existing = await rules.withKeys(db, allKeys);
  const byKey = new Map<string, number[]>();
  for (const [id, keys] of existing) for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  const { rows, visible } = await rules.byIds(db, [...existing.keys()]);
  const hiddenOwners = [...rows.values()].filter((r) => !visible.has(r.id)).flatMap((r) => (r.owner_id === null ? [] : [r.owner_id]));
  const ownerNames = hiddenOwners.length > 0 ? await userNames(ctx, hiddenOwners, db) : new Map<number, string>();
  const fromThisFile = plan.jobId !== null && existing.size > 0 ? await repo.rowsThatCreated(db, plan.jobId, [...existing.keys()]) : new Map<number, number>();

  const earlier = new Map<string, Earlier>();
  const pending: Array<{ index: number; create: New; earlier: Earlier }> = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    const created = options.dry ? batch.map(() => undefined) : await rules.insert(db, batch.map((p) => p.create));
    batch.forEach((p, i) => {
      const id = created[i]?.id ?? null;
      const result = results[p.index];
      if (result) result.entityId = id;
      p.earlier.id = id;
      p.earlier.pending = false;
    });
    // Only an update of a record created earlier in the batch needs its row.
    if (!options.dry && mode === 'update') {
      const fresh = await rules.byIds(db, batch.map((p) => p.earlier.id).filter((id): id is number => id !== null));
      for (const [id, row] of fresh.rows) {
        rows.set(id, row);
        visible.add(id);
      }
    }
  };
  const describe = (id: number, shared: Iterable<string>): RowMessage => {
    const row = rows.get(id);
    const match = matchWords(plan, shared);
    const createdBy = fromThisFile.get(id);
    if (createdBy !== undefined) return { field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: createdBy, match }) };
    if (row && visible.has(id)) return { field: 'duplicate', message: rules.describeVisible(row, match) };
    const owner = row?.owner_id != null ? (ownerNames.get(row.owner_id) ?? t(plan.locale, 'importNobody')) : null;
    return { field: 'duplicate', message: rules.describeHidden(owner, match) };
  };

  for (const [index, p] of prepared.entries()) {
    const result = results[index];
    if (!p.input || !result) continue;
    const earlierHit = p.keys.map((k) => ({ key: k, hit: earlier.get(k) })).find((e) => e.hit !== undefined);
    // Existing matches, the one sharing most keys first; ties by id.
    const shared = new Map<number, string[]>();
    for (const key of p.keys) for (const id of byKey.get(key) ?? []) shared.set(id, [...(shared.get(id) ?? []), key]);
    const matches = [...shared.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    const remember = (entry: Earlier) => {
      for (const key of p.keys) if (!earlier.has(key)) earlier.set(key, entry);
    };

    if ((!earlierHit && matches.length === 0) || mode === 'create') {
      const creation = rules.creation(p);
      if (creation === null) continue;
      if ('messages' in creation) {
        result.messages = creation.messages;
        continue;
      }
      const entry: Earlier = { rowNo: p.rowNo, id: null, pending: true };
      pending.push({ index, create: creation.create, earlier: entry });
      result.outcome = 'created';
      remember(entry);
      continue;
    }

    if (mode === 'skip') {
      result.outcome = 'skipped';
      if (earlierHit?.hit) {
        result.entityId = earlierHit.hit.id;
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: earlierHit.hit.rowNo, match: matchWords(plan, [earlierHit.key]) }) }];
      } else if (matches[0]) {
        const [id, keys] = matches[0];
        result.entityId = visible.has(id) ? id : null;
        result.messages = [describe(id, keys)];
      }
      continue;
    }

    // Update the match: an earlier row of the batch, else the best visible existing record.
    let targetId: number | null = null;
    if (earlierHit?.hit) {
      if (earlierHit.hit.pending) await flush();
      targetId = earlierHit.hit.id;
    } else {
      const seen = matches.find(([id]) => visible.has(id));
      if (!seen && matches[0]) {
        result.messages = [describe(matches[0][0], matches[0][1])];
        continue;
      }
      targetId = seen?.[0] ?? null;
    }
    const target = targetId !== null ? rows.get(targetId) : undefined;
    if (!can(actor, rules.editPermission)) {
      result.messages = [{ field: 'duplicate', message: rules.noEdit(target) }];
      continue;
    }
    result.outcome = 'updated';
    result.entityId = targetId;
    if (options.dry || !target) continue;
    const updated = await rules.update(db, target, p);
    rows.set(target.id, updated.row);
    if (!updated.changed) {
      result.outcome = 'skipped';
      result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importUnchanged') }];
    }
    remember({ rowNo: p.rowNo, id: target.id, pending: false });
  }
  await flush();
  return results;
}

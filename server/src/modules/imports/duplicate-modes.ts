import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Permission } from '@crm/contracts';
import { t } from '../../platform/i18n.js';
import { userNames } from '../users/index.js';
import type { RowMessage } from './convert.js';
import type { ImportPlan, RowResult } from './plan.js';
import * as repo from './imports.repository.js';
import { isStrongKey } from '../../platform/normalize.js';

type Db = AppContext['db'];

const matchKeys: Array<[string, 'importMatchArchiveNo' | 'importMatchCreditCode' | 'importMatchIdCard' | 'importMatchPhone' | 'importMatchEmail' | 'importMatchName']> = [
  ['a:', 'importMatchArchiveNo'],
  ['c:', 'importMatchCreditCode'],
  ['i:', 'importMatchIdCard'],
  ['p:', 'importMatchPhone'],
  ['e:', 'importMatchEmail'],
  ['n:', 'importMatchName'],
];

/** `a:` archive number, `c:` credit code, `i:` ID card, `p:` phone, `e:` email, `n:` organisation name: what two records share (or where they differ), in words. */
export function matchWords(plan: ImportPlan, keys: Iterable<string>): string {
  const kinds = new Set([...keys].map((k) => k.slice(0, 2)));
  return matchKeys
    .filter(([prefix]) => kinds.has(prefix))
    .map(([, key]) => t(plan.locale, key))
    .join(plan.locale === 'en' ? ', ' : '、');
}

/**
 * The kinds of strong key (archive number, credit code, ID card, phone, email) the row has and the record has
 * too, but with none of the row's values: evidence that they are two different parties.
 */
export function conflictingKeys(rowKeys: readonly string[], recordKeys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const prefix of ['a:', 'c:', 'i:', 'p:', 'e:']) {
    const mine = rowKeys.filter((k) => k.startsWith(prefix));
    if (mine.length === 0) continue;
    const theirs = [...recordKeys].filter((k) => k.startsWith(prefix));
    if (theirs.length > 0 && !mine.some((k) => recordKeys.has(k))) out.push(prefix);
  }
  return out;
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
  /** Every key of these records (to tell a conflicting credit code, phone... from a missing one). */
  keysOf(db: Db, ids: number[]): Promise<Map<number, Set<string>>>;
  /** The records by id, and which of them the importer may see. */
  byIds(db: Db, ids: number[]): Promise<{ rows: Map<number, Row>; visible: Set<number> }>;
  /** What a row creates; messages when it may not; null when there is nothing to write. */
  creation(p: P): { create: New } | { messages: RowMessage[] } | null;
  insert(db: Db, items: New[]): Promise<Array<{ id: number } | undefined>>;
  update(db: Db, target: Row, p: P): Promise<{ row: Row; changed: boolean }>;
  /** Many updates at once (each record at most once), in input order; without it `update` runs row by row. */
  updateMany?(db: Db, items: Array<{ target: Row; p: P }>): Promise<Array<{ row: Row; changed: boolean }>>;
  editPermission: Permission;
  /** Whether the importer may change this record it may see (a public-pool record needs a claim or the assign right). */
  mayEdit(row: Row): boolean;
  /** A record the importer may see, named in a message ("「华为」（KH00000123）"). */
  label(row: Row): string;
  /** A duplicate the importer may see, named. */
  describeVisible(row: Row, match: string): string;
  /** A duplicate the importer may not see: only its owner (null: in the pool). */
  describeHidden(ownerName: string | null, match: string): string;
  /** Refusing an update without the edit right, or of a pool record not claimed. */
  noEdit(target: Row | undefined): string;
}

/** Where an earlier row of this batch went, so a later row with the same keys is its duplicate. */
interface Earlier {
  rowNo: number;
  /** Null until a pending creation is written. */
  id: number | null;
  pending: boolean;
  /** The row's keys (a later row with a conflicting credit code... is another party). */
  keys: Set<string>;
}

/** A record or an earlier row that shares keys with a row. */
interface Candidate {
  /** The earlier row of this file (checked first), else null. */
  earlier: Earlier | null;
  /** The existing record (or the one the earlier row created or updated); null while pending. */
  id: number | null;
  shared: string[];
  /** All the candidate's keys. */
  keys: Set<string>;
}

const strongCount = (c: Candidate) => c.shared.filter(isStrongKey).length;

/**
 * The stored records the decision needs: for a row that shares a strong key with any record, only
 * the records sharing a strong key (a record with the same name only cannot win against them, and
 * a common name may be shared by hundreds); for a row that matches by name only, those records.
 * The strong keys are looked up first, and the names only of rows that none of them matched: a
 * batch of rows that update their records by phone or credit code does not read every namesake.
 */
async function relevantMatches<Row extends StoredRow>(
  db: Db,
  prepared: MatchableRow[],
  withKeys: DuplicateRules<MatchableRow, Row, unknown>['withKeys'],
): Promise<Map<number, Iterable<string>>> {
  const strongKeys = [...new Set(prepared.flatMap((p) => p.keys.filter(isStrongKey)))];
  const found = new Map<number, Set<string>>();
  const add = (matches: Map<number, Iterable<string>>) => {
    for (const [id, keys] of matches) found.set(id, new Set([...(found.get(id) ?? []), ...keys]));
  };
  add(strongKeys.length > 0 ? await withKeys(db, strongKeys) : new Map());
  const matched = new Set([...found.values()].flatMap((keys) => [...keys]));
  const byNameOnly = prepared.filter((p) => !p.keys.some((k) => isStrongKey(k) && matched.has(k)));
  const nameKeys = [...new Set(byNameOnly.flatMap((p) => p.keys.filter((k) => !isStrongKey(k))))];
  if (nameKeys.length > 0) add(await withKeys(db, nameKeys));
  return contenders(prepared, found);
}

/**
 * Of the records sharing keys with a row, those that can decide it: the ones sharing the most
 * strong keys, then the most keys (one of them is the match), and any other that shares a strong
 * key one of those lacks (two strong keys pointing at different records). A record that shares
 * only keys every leading one shares too (fifty customers with the same email, one of them with
 * the row's phone as well) can neither be the match nor split it, and is not read.
 */
function contenders(prepared: MatchableRow[], found: Map<number, Set<string>>): Map<number, Set<string>> {
  if (found.size === 0) return found;
  const byKey = new Map<string, number[]>();
  for (const [id, keys] of found) for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  const needed = new Set<number>();
  for (const p of prepared) {
    const ids = new Set(p.keys.flatMap((k) => byKey.get(k) ?? []));
    if (ids.size === 0) continue;
    const score = (id: number) => {
      const keys = found.get(id) ?? new Set<string>();
      const strong = p.keys.filter((k) => isStrongKey(k) && keys.has(k)).length;
      const shared = p.keys.filter((k) => keys.has(k)).length;
      return strong * 1000 + shared;
    };
    const top = Math.max(...[...ids].map(score));
    const leaders = [...ids].filter((id) => score(id) === top);
    const everyLeaderHas = (k: string) => leaders.every((id) => found.get(id)?.has(k));
    for (const id of ids) {
      const keys = found.get(id) ?? new Set<string>();
      if (score(id) === top || p.keys.some((k) => isStrongKey(k) && keys.has(k) && !everyLeaderHas(k))) needed.add(id);
    }
  }
  return new Map([...found].filter(([id]) => needed.has(id)));
}

/**
 * The duplicate modes of an import, for one batch: each valid row is matched against existing
 * records and earlier rows (of this batch, or of earlier batches of the same file) by its keys,
 * then created, used to update its match, skipped or rejected according to the mode.
 *
 * Strong keys decide (archive number, credit code, ID card, phone, email: each names one party);
 * a name is not an identity. A row with a record's archive number (an edited export) is that
 * record, whatever else it changes. A match on the name alone is only a possible duplicate: when the row carries a credit
 * code, phone... that the record has with another value, the row is created and the report says
 * which record it resembles. A strong match whose other strong key conflicts, and strong keys that
 * point at different records, are reported for the user to decide: nothing is written for them.
 * Creations are written together, and before an update that targets one of them.
 */
export async function decideDuplicates<P extends MatchableRow & { messages: RowMessage[] }, Row extends StoredRow, New>(
  db: Db,
  plan: ImportPlan,
  prepared: P[],
  options: { dry: boolean },
  rules: DuplicateRules<P, Row, New>,
): Promise<RowResult[]> {
  const { ctx, actor, mode } = plan;
  const { locale } = plan;
  const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));

  // Existing records holding any key of the batch, all their keys, which of them the importer may
  // see, and which were created by earlier batches of this very import.
  const existing = await relevantMatches(db, prepared, rules.withKeys);
  const recordKeys = existing.size > 0 ? await rules.keysOf(db, [...existing.keys()]) : new Map<number, Set<string>>();
  // Every key of the batch each of those records holds (a record found by its phone may also bear
  // the row's name, which then tells it from another holder of the same phone).
  const batchKeys = new Set(prepared.flatMap((p) => p.keys));
  const byKey = new Map<string, number[]>();
  for (const [id, matched] of existing) {
    for (const key of new Set([...matched, ...[...(recordKeys.get(id) ?? [])].filter((k) => batchKeys.has(k))])) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
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

  // Updates are written together too: a later row updating the same record waits for them.
  const updates: Array<{ index: number; target: Row; p: P }> = [];
  const updating = new Set<number>();
  const flushUpdates = async () => {
    if (updates.length === 0) return;
    const batch = updates.splice(0);
    updating.clear();
    const done = rules.updateMany
      ? await rules.updateMany(db, batch.map((u) => ({ target: u.target, p: u.p })))
      : await batch.reduce<Promise<Array<{ row: Row; changed: boolean }>>>(async (acc, u) => [...(await acc), await rules.update(db, u.target, u.p)], Promise.resolve([]));
    batch.forEach((u, i) => {
      const updated = done[i];
      const result = results[u.index];
      if (!updated || !result) return;
      rows.set(u.target.id, updated.row);
      if (!updated.changed) {
        result.outcome = 'skipped';
        result.messages = [{ field: 'duplicate', message: t(locale, 'importUnchanged') }];
      }
    });
  };

  /** "「华为」（KH00000123）", "row 3 of this file" or "a customer owned by 张伟 (outside your scope)". */
  const nameOf = (c: Candidate): string => {
    if (c.earlier) return t(locale, 'importThisFileRow', { row: c.earlier.rowNo });
    const createdBy = c.id !== null ? fromThisFile.get(c.id) : undefined;
    if (createdBy !== undefined) return t(locale, 'importThisFileRow', { row: createdBy });
    const row = c.id !== null ? rows.get(c.id) : undefined;
    if (row && visible.has(row.id)) return rules.label(row);
    const owner = row?.owner_id != null ? (ownerNames.get(row.owner_id) ?? t(locale, 'importNobody')) : t(locale, 'importPool');
    return t(locale, 'importHiddenRecord', { owner });
  };
  const describe = (c: Candidate): RowMessage => {
    const match = matchWords(plan, c.shared);
    if (c.earlier) return { field: 'duplicate', message: t(locale, 'importDuplicateRow', { row: c.earlier.rowNo, match }) };
    const createdBy = c.id !== null ? fromThisFile.get(c.id) : undefined;
    if (createdBy !== undefined) return { field: 'duplicate', message: t(locale, 'importDuplicateRow', { row: createdBy, match }) };
    const row = c.id !== null ? rows.get(c.id) : undefined;
    if (row && visible.has(row.id)) return { field: 'duplicate', message: rules.describeVisible(row, match) };
    const owner = row?.owner_id != null ? (ownerNames.get(row.owner_id) ?? t(locale, 'importNobody')) : null;
    return { field: 'duplicate', message: rules.describeHidden(owner, match) };
  };

  for (const [index, p] of prepared.entries()) {
    const result = results[index];
    if (!p.input || !result) continue;
    const remember = (entry: Earlier) => {
      for (const key of p.keys) if (!earlier.has(key)) earlier.set(key, entry);
    };
    const create = (notes: RowMessage[]) => {
      const creation = rules.creation(p);
      if (creation === null) return;
      if ('messages' in creation) {
        result.messages = creation.messages;
        return;
      }
      const entry: Earlier = { rowNo: p.rowNo, id: null, pending: true, keys: new Set(p.keys) };
      pending.push({ index, create: creation.create, earlier: entry });
      result.outcome = 'created';
      result.messages = notes;
      remember(entry);
    };
    if (mode === 'create') {
      create([]);
      continue;
    }

    // Candidates: earlier rows of this file first, then existing records (one per record).
    const candidates: Candidate[] = [];
    const byRecord = new Map<number, Candidate>();
    for (const key of p.keys) {
      const hit = earlier.get(key);
      if (hit) {
        let c = candidates.find((x) => x.earlier === hit) ?? (hit.id !== null ? byRecord.get(hit.id) : undefined);
        if (!c) {
          c = { earlier: hit, id: hit.id, shared: [], keys: new Set([...hit.keys, ...(hit.id !== null ? (recordKeys.get(hit.id) ?? []) : [])]) };
          candidates.push(c);
          if (hit.id !== null) byRecord.set(hit.id, c);
        }
        if (!c.shared.includes(key)) c.shared.push(key);
      }
      for (const id of byKey.get(key) ?? []) {
        let c = byRecord.get(id);
        if (!c) {
          c = { earlier: null, id, shared: [], keys: recordKeys.get(id) ?? new Set() };
          candidates.push(c);
          byRecord.set(id, c);
        }
        if (!c.shared.includes(key)) c.shared.push(key);
      }
    }
    if (candidates.length === 0) {
      create([]);
      continue;
    }
    // The strongest first: most strong keys shared, then most keys, earlier rows, visible ones, oldest.
    const rank = (c: Candidate) => (c.earlier ? 2 : 0) + (c.id !== null && visible.has(c.id) ? 1 : 0);
    candidates.sort((a, b) => strongCount(b) - strongCount(a) || b.shared.length - a.shared.length || rank(b) - rank(a) || (a.id ?? 0) - (b.id ?? 0));
    const best = candidates[0] as Candidate;

    if (strongCount(best) === 0) {
      // The name alone: a possible duplicate. Another credit code, phone... says it is another party.
      const conflicts = conflictingKeys(p.keys, best.keys);
      if (conflicts.length > 0) {
        create([{ field: 'duplicate', message: t(locale, 'importSimilarName', { record: nameOf(best), conflict: matchWords(plan, conflicts) }) }]);
        continue;
      }
    } else {
      // Strong keys of the row that the best match does not hold but another record does.
      const elsewhere = candidates.slice(1).flatMap((c) => c.shared.filter((k) => isStrongKey(k) && !best.shared.includes(k)).map((k) => ({ c, k })));
      const other = elsewhere[0];
      if (other) {
        result.messages = [
          {
            field: 'duplicate',
            message: t(locale, 'importKeysSplit', {
              first: matchWords(plan, best.shared.filter(isStrongKey)),
              record: nameOf(best),
              second: matchWords(plan, [other.k]),
              other: nameOf(other.c),
            }),
          },
        ];
        continue;
      }
      // The archive number is the record's own: with it, another phone or email is an edit.
      const conflicts = best.shared.some((k) => k.startsWith('a:')) ? [] : conflictingKeys(p.keys, best.keys);
      if (conflicts.length > 0) {
        result.messages = [
          { field: 'duplicate', message: t(locale, 'importKeyConflict', { match: matchWords(plan, best.shared.filter(isStrongKey)), record: nameOf(best), conflict: matchWords(plan, conflicts) }) },
        ];
        continue;
      }
    }

    if (mode === 'skip') {
      result.outcome = 'skipped';
      result.entityId = best.earlier ? best.earlier.id : best.id !== null && visible.has(best.id) ? best.id : null;
      result.messages = [describe(best)];
      continue;
    }

    // Update the match: an earlier row of the file, or an existing record the importer may see.
    if (best.earlier?.pending) await flush();
    if (best.id !== null && updating.has(best.id)) await flushUpdates();
    const targetId = best.earlier ? best.earlier.id : best.id;
    if (!best.earlier && (targetId === null || !visible.has(targetId))) {
      result.messages = [describe(best)];
      continue;
    }
    const target = targetId !== null ? rows.get(targetId) : undefined;
    if (!can(actor, rules.editPermission) || (target && !rules.mayEdit(target))) {
      result.messages = [{ field: 'duplicate', message: rules.noEdit(target) }];
      continue;
    }
    result.outcome = 'updated';
    result.entityId = targetId;
    if (options.dry || !target) continue;
    updates.push({ index, target, p });
    updating.add(target.id);
    // What the record now holds, for later rows of the file.
    const merged = new Set([...(recordKeys.get(target.id) ?? []), ...p.keys]);
    recordKeys.set(target.id, merged);
    remember({ rowNo: p.rowNo, id: target.id, pending: false, keys: merged });
  }
  await flush();
  await flushUpdates();
  return results;
}

import { withCanonicalRegion, type OrganizationProfile, type PersonProfile } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { writeSearchIndexMany } from '../../platform/search.js';
import { diffRecords, recordChanges } from '../history/index.js';
import { completenessOf, readQualitySettings } from '../quality/index.js';
import type { CustomerInput } from './customers.bulk.js';
import { keysOf } from './customers.dedupe.js';
import { historyFields, recordView } from './customers.presenter.js';
import * as repo from './customers.repository.js';
import { compact, mergePerson, mergeProfile, searchDocument } from './customers.records.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ImportChange {
  input: Partial<CustomerInput>;
  /** Top-level fields the row gave (only these change). */
  provided: ReadonlySet<string>;
  /** A new owner, already checked against the importer's rights; undefined leaves it. */
  ownerId?: number | null;
  custom?: string;
}

/** What an import row changes in a stored customer (no database access). */
function changesOf(actor: Actor, row: repo.CustomerRow, change: ImportChange, at: string): Partial<repo.CustomerRow> {
  const { input, provided } = change;
  const has = (key: string) => provided.has(key);
  const changes: Partial<repo.CustomerRow> = {};
  if (has('kind') && input.kind && (input.kind === 'organization' || row.contact_count === 0)) changes.kind = input.kind;
  if (has('name') && input.name) changes.name = input.name;
  if (has('category') && input.category) changes.category = input.category;
  if (has('status') && input.status) changes.status = input.status;
  if (has('lifecycleStage') && input.lifecycleStage) changes.lifecycle_stage = input.lifecycleStage;
  for (const [key, column] of [
    ['industry', 'industry'], ['province', 'province'], ['city', 'city'], ['district', 'district'], ['address', 'address'], ['phone', 'phone'],
    ['mobile', 'mobile'], ['email', 'email'], ['website', 'website'], ['source', 'source'], ['notes', 'notes'],
  ] as const) {
    const value = input[key];
    if (has(key) && typeof value === 'string') changes[column] = value;
  }
  if (has('tags') && input.tags) changes.tags = JSON.stringify([...new Set([...(JSON.parse(row.tags) as string[]), ...input.tags])]);
  // Only the profile columns the row gives change (an empty cell is no value: never a wipe).
  if (has('person') && input.person) {
    changes.person = JSON.stringify(mergePerson(JSON.parse(row.person) as PersonProfile, compact(input.person), can(actor, 'customers.view_sensitive')));
  }
  if (has('organization') && input.organization) {
    changes.organization = JSON.stringify(mergeProfile(JSON.parse(row.organization) as OrganizationProfile, compact(input.organization)));
  }
  if (change.ownerId !== undefined && change.ownerId !== row.owner_id) {
    changes.owner_id = change.ownerId;
    changes.owner_since = change.ownerId === null ? null : at;
  }
  if (change.custom !== undefined) changes.custom = change.custom;
  Object.assign(changes, withCanonicalRegion(row, changes)); // one spelling of a municipality
  return changes;
}

const keyColumns = ['name', 'kind', 'phone', 'mobile', 'email', 'person', 'organization'] as const;

/**
 * Apply import rows to existing customers in the caller's transaction: the fields a row gives
 * replace the stored ones (profiles merged key by key, tags added); sensitive fields the actor may
 * not see are left alone. Each customer at most once per call. Returns, in input order, the new
 * row, or the old one when nothing changed (or it changed meanwhile).
 *
 * Many rows at once: one UPDATE per changed customer (its version checked) with its completeness,
 * then for all of them together the search entries whose words changed, the duplicate keys that
 * changed (only the difference is written) and the timeline entries.
 */
export async function importUpdateCustomers(
  db: Db,
  ctx: AppContext,
  actor: Actor,
  items: Array<{ row: repo.CustomerRow; change: ImportChange }>,
  at: string,
): Promise<Array<{ row: repo.CustomerRow; changed: boolean }>> {
  const out = items.map(({ row }) => ({ row, changed: false }));
  const { value: quality } = await readQualitySettings(db);
  const written: Array<{ index: number; row: repo.CustomerRow; next: repo.CustomerRow; changes: Partial<repo.CustomerRow>; diff: ReturnType<typeof diffRecords> }> = [];
  for (const [index, { row, change }] of items.entries()) {
    const changes = changesOf(actor, row, change, at);
    const next = { ...row, ...changes };
    const diff = diffRecords(recordView(row), recordView(next), historyFields);
    const customChanged = change.custom !== undefined && change.custom !== row.custom;
    if (diff.length === 0 && !customChanged) continue;
    const doc = searchDocument(next);
    const completeness = completenessOf(next, quality);
    const values = { ...changes, search_key: doc.key, completeness, updated_at: at, updated_by: actor.userId };
    if (!(await repo.update(db, row.id, row.version, values))) continue;
    written.push({ index, row, next: { ...next, ...values, version: row.version + 1 }, changes, diff });
  }
  if (written.length === 0) return out;

  // The search words, where they changed (notes or an industry are not searched).
  const searched = written.filter((w) => w.next.search_key !== w.row.search_key);
  await writeSearchIndexMany(db, ctx.engine, searched.map((w) => ({ customerId: w.row.id, grams: searchDocument(w.next).grams })));

  // The duplicate keys, where a keyed field changed: the customer's own keys and its live contacts' ones.
  const rekeyed = written.filter((w) => keyColumns.some((c) => w.changes[c] !== undefined && w.changes[c] !== w.row[c]));
  await rewriteKeys(db, rekeyed.map((w) => w.next));

  const entries = written.map((w) => ({ entityType: 'customer', entityId: w.row.id, customerId: w.row.id, action: 'import' as const, actorId: actor.userId, at, label: w.next.name, changes: w.diff }));
  // 500 entries per statement: within both engines' bound-parameter limits however large the batch.
  for (let i = 0; i < entries.length; i += 500) await recordChanges(db, entries.slice(i, i + 500));
  for (const w of written) out[w.index] = { row: w.next, changed: true };
  return out;
}

/** Bring the stored duplicate keys of these customers to what their rows and live contacts give, writing only the difference. */
async function rewriteKeys(db: Db, customers: repo.CustomerRow[]): Promise<void> {
  for (let i = 0; i < customers.length; i += 500) {
    const chunk = customers.slice(i, i + 500);
    const ids = chunk.map((c) => c.id);
    const contacts = await db.selectFrom('contacts').select(['id', 'customer_id', 'mobile', 'phone', 'email']).where('customer_id', 'in', ids).where('deleted_at', 'is', null).execute();
    const stored = await db.selectFrom('dedupe_keys').select(['id', 'customer_id', 'contact_id', 'key']).where('customer_id', 'in', ids).execute();
    const entry = (customerId: number, contactId: number | null, key: string) => `${customerId}|${contactId ?? ''}|${key}`;
    const wanted = new Map<string, { customer_id: number; contact_id: number | null; key: string }>();
    for (const c of chunk) {
      for (const e of keysOf(c, contacts.filter((k) => k.customer_id === c.id))) wanted.set(entry(c.id, e.contactId, e.key), { customer_id: c.id, contact_id: e.contactId, key: e.key });
    }
    const stale: number[] = [];
    for (const s of stored) {
      const k = entry(s.customer_id, s.contact_id, s.key);
      if (wanted.has(k)) wanted.delete(k);
      else stale.push(s.id);
    }
    for (let j = 0; j < stale.length; j += 500) await db.deleteFrom('dedupe_keys').where('id', 'in', stale.slice(j, j + 500)).execute();
    const fresh = [...wanted.values()];
    for (let j = 0; j < fresh.length; j += 500) await db.insertInto('dedupe_keys').values(fresh.slice(j, j + 500)).execute();
  }
}

/**
 * The contact summaries of many customers at once (contacts added or changed by an import), as
 * `updateContactSummary` keeps one: count, contact terms and search words, and the duplicate keys
 * of their live contacts (only what changed is written).
 */
export async function updateContactSummaries(db: Db, ctx: AppContext, summaries: Array<{ customerId: number; count: number; terms: string[] }>): Promise<void> {
  for (let i = 0; i < summaries.length; i += 500) {
    const chunk = summaries.slice(i, i + 500);
    const rows = new Map(
      ((await db.selectFrom('customers').selectAll().where('id', 'in', chunk.map((s) => s.customerId)).where('deleted_at', 'is', null).execute()) as repo.CustomerRow[]).map((r) => [r.id, r]),
    );
    const searched: Array<{ customerId: number; grams: string[] }> = [];
    const live: repo.CustomerRow[] = [];
    for (const s of chunk) {
      const row = rows.get(s.customerId);
      const contactTerms = s.terms.join('\n');
      if (!row) {
        await repo.setFields(db, s.customerId, { contact_count: s.count, contact_terms: contactTerms });
        continue;
      }
      const next = { ...row, contact_count: s.count, contact_terms: contactTerms };
      const doc = searchDocument(next);
      if (row.contact_count === s.count && row.contact_terms === contactTerms && row.search_key === doc.key) continue;
      await repo.setFields(db, s.customerId, { contact_count: s.count, contact_terms: contactTerms, search_key: doc.key });
      if (doc.key !== row.search_key) searched.push({ customerId: s.customerId, grams: doc.grams });
      live.push(next);
    }
    await writeSearchIndexMany(db, ctx.engine, searched);
    await rewriteKeys(db, live);
  }
}

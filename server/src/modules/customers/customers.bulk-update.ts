import { withCanonicalRegion, type OrganizationProfile, type PersonProfile } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { diffRecords } from '../history/index.js';
import type { CustomerInput } from './customers.bulk.js';
import { historyFields, recordView } from './customers.presenter.js';
import * as repo from './customers.repository.js';
import { compact, mergePerson, mergeProfile } from './customers.records.js';
import { writeCustomers, type CustomerWrite } from './customers.write.js';

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

/**
 * Apply import rows to existing customers in the caller's transaction: the fields a row gives
 * replace the stored ones (profiles merged key by key, tags added); sensitive fields the actor may
 * not see are left alone. Each customer at most once per call. Returns, in input order, the new
 * row, or the old one when nothing changed (or it changed meanwhile).
 *
 * Written through writeCustomers (one statement per group of customers changing the same
 * columns, each row's version checked; completeness, timeline). Their search words and duplicate
 * keys are refreshed there, or, when the caller passes `later`, added to it for the caller to
 * refresh once after adding their contacts in the same batch.
 */
export async function importUpdateCustomers(
  db: Db,
  ctx: AppContext,
  actor: Actor,
  items: Array<{ row: repo.CustomerRow; change: ImportChange }>,
  at: string,
  later?: Set<number>,
): Promise<Array<{ row: repo.CustomerRow; changed: boolean }>> {
  const out = items.map(({ row }) => ({ row, changed: false }));
  const changed: Array<{ index: number; row: repo.CustomerRow; write: CustomerWrite }> = [];
  for (const [index, { row, change }] of items.entries()) {
    const changes = changesOf(actor, row, change, at);
    const next = { ...row, ...changes };
    const diff = diffRecords(recordView(row), recordView(next), historyFields);
    const customChanged = change.custom !== undefined && change.custom !== row.custom;
    if (diff.length === 0 && !customChanged) continue;
    changed.push({ index, row, write: { row, values: changes, timeline: [{ action: 'import', label: next.name, changes: diff }] } });
  }
  const written = await writeCustomers(db, ctx, changed.map((c) => c.write), { actorId: actor.userId, at, ...(later ? { later } : {}) });
  for (const c of changed) {
    const row = written.get(c.row.id);
    if (row) out[c.index] = { row, changed: true };
  }
  return out;
}

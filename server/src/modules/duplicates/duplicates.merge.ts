import { mergeableFields, organizationProfile, personProfile, type Customer, type customerMerge, type FieldChange } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { emitCustomerEvent } from '../../platform/customer-events.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { moveAttachments } from '../attachments/index.js';
import { moveContacts } from '../contacts/index.js';
import {
  customerScope,
  findCustomerRow,
  getCustomer,
  historyFields,
  lockCustomers,
  mergedAwayConflict,
  mergedDealValues,
  presentCustomer,
  recordView,
  writeCustomers,
  type CustomerRow,
  type CustomerWrite,
} from '../customers/index.js';
import { diffRecords, moveCustomerHistory } from '../history/index.js';
import { userNames } from '../users/index.js';
import * as repo from './duplicates.repository.js';

type Db = AppContext['db'];
type Input = z.output<typeof customerMerge>;
type Section = 'person' | 'organization' | 'custom';

const columnOf: Record<string, keyof CustomerRow> = {
  name: 'name', category: 'category', status: 'status', lifecycleStage: 'lifecycle_stage', ownerId: 'owner_id',
  industry: 'industry', province: 'province', city: 'city', district: 'district', address: 'address', phone: 'phone',
  mobile: 'mobile', email: 'email', website: 'website', source: 'source', notes: 'notes',
};
/** Fields a merge never fills from another customer unless chosen: the survivor's identity and owner. */
const keepUnlessChosen = new Set(['name', 'category', 'status', 'lifecycleStage', 'ownerId']);
const sectionKeys: Record<Section, ((key: string) => boolean)> = {
  person: (key) => key in personProfile.shape,
  organization: (key) => key in organizationProfile.shape,
  custom: (key) => /^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(key),
};

function isMergeField(field: string): boolean {
  if ((mergeableFields as readonly string[]).includes(field) || field === 'custom') return true;
  const [section, key, ...rest] = field.split('.');
  const check = sectionKeys[section as Section] as ((key: string) => boolean) | undefined;
  return rest.length === 0 && key !== undefined && check !== undefined && check(key);
}

function filled(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);
}

function object(json: string): Record<string, unknown> {
  const v: unknown = JSON.parse(json || '{}');
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The request's own mistakes, all at once, before anything is read. */
function checkInput(input: Input): void {
  const details: ErrorDetail[] = [];
  if (input.mergedIds.includes(input.survivorId)) details.push({ path: 'mergedIds', message: 'mergeSurvivorInMerged' });
  if (new Set(input.mergedIds).size !== input.mergedIds.length) details.push({ path: 'mergedIds', message: 'mergeRepeated' });
  const sources = new Set([input.survivorId, ...input.mergedIds]);
  for (const [field, from] of Object.entries(input.fields ?? {})) {
    if (!isMergeField(field)) details.push({ path: `fields.${field}`, message: 'mergeUnknownField' });
    else if (!sources.has(from)) details.push({ path: `fields.${field}`, message: 'mergeSourceOutside' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/**
 * The survivor's values after the merge: each chosen field from its customer; a field not chosen
 * keeps the survivor's value or, when empty, takes the first merged customer's (identity and owner
 * excepted); tags are the union unless chosen; profile and custom values are merged per key.
 */
function mergedValues(survivor: CustomerRow, merged: CustomerRow[], choices: Record<string, number>): Partial<CustomerRow> {
  const all = [survivor, ...merged];
  const byId = new Map(all.map((r) => [r.id, r]));
  const chosen = (field: string) => (choices[field] !== undefined ? byId.get(choices[field]) : undefined);
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const source = chosen(field) ?? (keepUnlessChosen.has(field) || filled(survivor[column]) ? survivor : (merged.find((m) => filled(m[column])) ?? survivor));
    values[column] = source[column];
  }
  const tagsFrom = chosen('tags');
  const tags = tagsFrom ? (JSON.parse(tagsFrom.tags) as string[]) : [...new Set(all.flatMap((r) => JSON.parse(r.tags) as string[]))];
  values.tags = JSON.stringify(tags);
  for (const section of ['person', 'organization', 'custom'] as const) {
    const whole = chosen(section);
    let result: Record<string, unknown> = {};
    if (whole) {
      result = object(whole[section]);
    } else {
      // Survivor first, then the merged customers in order: the first filled value of each key wins.
      for (const row of [...all].reverse()) {
        for (const [key, v] of Object.entries(object(row[section]))) if (filled(v)) result[key] = v;
      }
    }
    for (const field of Object.keys(choices)) {
      if (!field.startsWith(`${section}.`)) continue;
      const key = field.slice(section.length + 1);
      const from = chosen(field);
      const v = from ? object(from[section])[key] : undefined;
      if (filled(v)) result[key] = v;
      else delete result[key];
    }
    values[section] = JSON.stringify(result);
  }
  // Only what differs from the survivor is written.
  const changes: Partial<CustomerRow> = {};
  for (const [column, v] of Object.entries(values)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(survivor[column as keyof CustomerRow] ?? null)) Object.assign(changes, { [column]: v });
  }
  return changes;
}

/** A live customer the actor may see; one merged away meanwhile is a conflict saying where it went. */
async function findMergeable(db: Db, actor: Actor, id: number, path: string): Promise<CustomerRow> {
  const row = await findCustomerRow(db, id, customerScope(actor));
  if (row) return row;
  throw (await mergedAwayConflict(db, actor, id, path)) ?? notFound();
}

/** The 409 of a stale survivor, with the survivor as it is now. */
async function staleSurvivor(ctx: AppContext, db: Db, actor: Actor, id: number): Promise<AppError> {
  const row = await findCustomerRow(db, id, customerScope(actor));
  const names = await userNames(ctx, [row?.owner_id ?? null], db);
  return conflict(row ? presentCustomer(row, actor, names, true, ctx.clock.now()) : undefined);
}

/**
 * Merge customers into a survivor, in one transaction: the survivor takes the chosen values; the
 * merged customers' contacts, history and attachments move to it; they are deleted pointing to it;
 * each merge is recorded with the merged record as it was.
 */
export async function mergeCustomers(ctx: AppContext, actor: Actor, input: Input): Promise<Customer> {
  authorize(actor, 'customers.merge');
  authorize(actor, 'customers.edit');
  checkInput(input);
  const choices = input.fields ?? {};
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two merges of one customer at once, the second waits here and then reads the first's result.
    await lockCustomers(trx, ctx.engine, [input.survivorId, ...input.mergedIds]);
    const survivor = await findMergeable(trx, actor, input.survivorId, 'survivorId');
    const merged: CustomerRow[] = [];
    for (const [index, id] of input.mergedIds.entries()) merged.push(await findMergeable(trx, actor, id, `mergedIds.${index}`));
    if (survivor.version !== input.version) throw await staleSurvivor(ctx, trx, actor, survivor.id);
    if (survivor.kind === 'person' && merged.some((m) => Number(m.contact_count) > 0)) {
      throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'survivorId', message: 'mergeContactsToPerson' }]);
    }
    const changes = mergedValues(survivor, merged, choices);
    // The merged customers' contracts move to the survivor: their transactions add up.
    Object.assign(changes, mergedDealValues(survivor, merged, changes.status ?? survivor.status));
    if (changes.owner_id !== undefined) {
      // Giving the customer to someone else is an assignment (the new owner is within scope: their customer was visible).
      if (changes.owner_id !== null && changes.owner_id !== actor.userId && !can(actor, 'customers.assign')) {
        throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'fields.ownerId', message: 'ownerOutsideScope' }]);
      }
      changes.owner_since = changes.owner_id === null ? null : now;
    }
    const next = { ...survivor, ...changes };
    const diff: FieldChange[] = diffRecords(recordView(survivor), recordView(next), historyFields);
    const mergedIds = merged.map((m) => m.id);
    await moveContacts(trx, ctx, mergedIds, survivor.id);
    await moveCustomerHistory(trx, mergedIds, survivor.id);
    await moveAttachments(trx, mergedIds, survivor.id);
    // Deals and leads of the merged customers follow them into the survivor.
    for (const id of mergedIds) await emitCustomerEvent(trx, { kind: 'merged', fromId: id, intoId: survivor.id, at: now, actorId: actor.userId });
    // The survivor takes the values; the merged customers are deleted pointing to it, on its timeline.
    const writes: CustomerWrite[] = [
      {
        row: survivor, values: changes,
        timeline: [{ action: 'merge', label: merged.map((m) => `${m.name} (${m.archive_no})`).join(', '), changes: [{ field: 'mergedIds', old: null, new: mergedIds }, ...diff] }],
      },
      ...merged.map((m) => ({
        row: m, values: { deleted_at: now, deleted_by: actor.userId, merged_into_id: survivor.id },
        timeline: [{ action: 'merged' as const, label: m.name, customerId: survivor.id, changes: [{ field: 'mergedIntoId', old: null, new: survivor.id }] }],
      })),
    ];
    const written = await writeCustomers(trx, ctx, writes, { actorId: actor.userId, at: now });
    if (!written.has(survivor.id)) throw await staleSurvivor(ctx, trx, actor, survivor.id);
    // Locked and read in this transaction: a merged customer cannot have moved on.
    if (merged.some((m) => !written.has(m.id))) throw conflict(undefined);
    await repo.insertMerges(trx, merged.map((m) => ({ survivorId: survivor.id, mergedId: m.id, actorId: actor.userId, at: now, choices, snapshot: m })));
  });
  return getCustomer(ctx, actor, input.survivorId);
}

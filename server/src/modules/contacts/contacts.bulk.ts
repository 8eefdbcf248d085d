import type { contactCreate, contactListQuery } from '@crm/contracts';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { customFiltersOf } from '../custom-fields/index.js';
import { refreshCustomers } from '../customers/index.js';
import { diffRecords, recordChanges } from '../history/index.js';
import * as repo from './contacts.repository.js';
import { contactReadScope } from './contacts.scope.js';

/** Many contacts at once, for imports and exports. */
type Db = AppContext['db'];
export type ContactInput = z.output<typeof contactCreate>;
export type { ContactRow } from './contacts.repository.js';

/** The live contacts of some customers. */
export async function liveContactsOf(db: Db, customerIds: number[]): Promise<repo.ContactRow[]> {
  const out: repo.ContactRow[] = [];
  for (let i = 0; i < customerIds.length; i += 500) {
    out.push(...(await db.selectFrom('contacts').selectAll().where('customer_id', 'in', customerIds.slice(i, i + 500)).where('deleted_at', 'is', null).execute()));
  }
  return out;
}

/**
 * Create contacts in the caller's transaction (customers already checked: live, visible,
 * organisations), a few statements for all of them. Their customers' contact summaries, search
 * words and duplicate keys follow, or, when the caller passes `later`, the customers are added to
 * it for the caller to refresh once (`refreshCustomers`). Ids in input order.
 */
export async function bulkCreateContacts(
  db: Db,
  ctx: AppContext,
  items: Array<{ input: ContactInput; custom?: string }>,
  by: { actorId: number; at: string; action: 'import' | 'create' },
  later?: Set<number>,
): Promise<number[]> {
  const ids: number[] = [];
  // 100 rows per INSERT: within SQLite's bound-variable limit with every contact column.
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100);
    const inserted = await repo.insertMany(
      db,
      chunk.map(({ input, custom }) => ({
        customer_id: input.customerId,
        name: input.name,
        title: input.title ?? null,
        department: input.department ?? null,
        mobile: input.mobile ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        wechat: input.wechat ?? null,
        birthday: input.birthday ?? null,
        is_primary: input.isPrimary ? 1 : 0,
        notes: input.notes ?? null,
        custom: custom ?? '{}',
        deleted_at: null,
        deleted_by: null,
        version: 1,
        created_at: by.at,
        updated_at: by.at,
        created_by: by.actorId,
        updated_by: by.actorId,
      })),
    );
    ids.push(...inserted);
  }
  // A new primary contact takes over from the customer's earlier one (the last one given wins).
  const primary = new Map<number, number>();
  items.forEach(({ input }, i) => input.isPrimary && primary.set(input.customerId, ids[i] ?? 0));
  await repo.clearPrimaryExcept(db, [...primary].map(([customerId, keep]) => ({ customerId, keep })));
  const customerIds = items.map((i) => i.input.customerId);
  if (later) for (const id of customerIds) later.add(id);
  else await refreshCustomers(db, ctx, customerIds);
  const entries = items.map(({ input }, i) => ({ entityType: 'contact', entityId: ids[i] ?? 0, customerId: input.customerId, action: by.action, actorId: by.actorId, at: by.at, label: input.name, changes: [] }));
  // 500 entries per statement: within both engines' bound-parameter limits however large the batch.
  for (let i = 0; i < entries.length; i += 500) await recordChanges(db, entries.slice(i, i + 500));
  return ids;
}

const historyView = (r: repo.ContactRow) => ({
  name: r.name, title: r.title, department: r.department, mobile: r.mobile, phone: r.phone, email: r.email, wechat: r.wechat,
  birthday: r.birthday, isPrimary: r.is_primary === 1, notes: r.notes,
});
const historyFields = ['name', 'title', 'department', 'mobile', 'phone', 'email', 'wechat', 'birthday', 'isPrimary', 'notes'];

/**
 * Apply an import row to an existing contact: the fields it gives replace the stored ones. Its
 * customer is refreshed at once, or added to `later` for the caller to refresh.
 */
export async function importUpdateContact(
  db: Db,
  ctx: AppContext,
  actor: Actor,
  row: repo.ContactRow,
  input: Partial<ContactInput>,
  provided: ReadonlySet<string>,
  at: string,
  options: { custom?: string; later?: Set<number> } = {},
): Promise<{ row: repo.ContactRow; changed: boolean }> {
  const { custom, later } = options;
  const changes: Partial<repo.ContactRow> = {};
  for (const key of ['name', 'title', 'department', 'mobile', 'phone', 'email', 'wechat', 'birthday', 'notes'] as const) {
    const value = input[key];
    if (provided.has(key) && typeof value === 'string') changes[key] = value;
  }
  if (provided.has('isPrimary') && input.isPrimary !== undefined) changes.is_primary = input.isPrimary ? 1 : 0;
  if (custom !== undefined) changes.custom = custom;
  const next = { ...row, ...changes };
  const diff = diffRecords(historyView(row), historyView(next), historyFields);
  if (diff.length === 0 && (custom === undefined || custom === row.custom)) return { row, changed: false };
  if (!(await repo.update(db, row.id, row.version, { ...changes, updated_at: at, updated_by: actor.userId }))) return { row, changed: false };
  if (changes.is_primary === 1) await repo.clearPrimary(db, row.customer_id, row.id);
  if (later) later.add(row.customer_id);
  else await refreshCustomers(db, ctx, [row.customer_id]);
  await recordChanges(db, [{ entityType: 'contact', entityId: row.id, customerId: row.customer_id, action: 'import', actorId: actor.userId, at, label: next.name, changes: diff }]);
  return { row: { ...next, version: row.version + 1 }, changed: true };
}

export type ContactExportRow = repo.ContactRow & { customer_name: string; customer_archive_no: string };

/** The filter of a contact list query (as GET /contacts applies it), for exports. */
export async function contactListFilter(ctx: AppContext, actor: Actor, query: z.output<typeof contactListQuery>): Promise<repo.ContactFilter> {
  return { scope: contactReadScope(actor), customerId: query.customerId, ownerId: query.ownerId, q: query.q, custom: { engine: ctx.engine, filters: await customFiltersOf(ctx.db, 'contact', query) } };
}

/** One page of contacts in id order after `afterId` (keyset paging keeps each query short). */
export async function contactExportPage(db: Db, filter: repo.ContactFilter, afterId: number, limit: number): Promise<ContactExportRow[]> {
  return (await repo
    .filtered(db, filter)
    .selectAll('k')
    .select(['c.name as customer_name', 'c.archive_no as customer_archive_no'])
    .where(sql<SqlBool>`k.id > ${afterId}`)
    .orderBy('k.id')
    .limit(limit)
    .execute()) as ContactExportRow[];
}

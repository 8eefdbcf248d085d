import type { ImportEntity } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { unscoped } from '../../platform/auth/scope.js';
import { readableContactIds } from '../contacts/index.js';
import { customerReadScope, customersByIds } from '../customers/index.js';
import { leadsByIds } from '../leads/index.js';
import { customersOfPurchases } from '../purchases/index.js';

type Db = AppContext['db'];

/** Who may read every import job and its report: reviewers (settings.view) whose data scope is everything. */
export function reviewsAllImports(actor: Actor): boolean {
  return actor.permissions.has('settings.view') && actor.dataScope === 'all';
}

/**
 * Which of the records an import wrote or matched the reader may read now (live ones in their
 * scope); a report shows the others' rows without their data. Every id when the scope is everything.
 */
export async function readableRecords(db: Db, actor: Actor, entity: ImportEntity, ids: number[]): Promise<Set<number>> {
  if (actor.dataScope === 'all' || ids.length === 0) return new Set(ids);
  switch (entity) {
    case 'customers':
      return (await customersByIds(db, ids, customerReadScope(actor))).visible;
    case 'contacts':
      return readableContactIds(db, actor, ids);
    case 'leads':
      return (await leadsByIds(db, ids, actor)).visible;
    case 'purchases': {
      // A purchase is read through its customer.
      const customerOf = await customersOfPurchases(db, ids);
      const readable = (await customersByIds(db, [...new Set(customerOf.values())], customerReadScope(actor))).visible;
      return new Set(ids.filter((id) => readable.has(customerOf.get(id) ?? 0)));
    }
  }
}

/**
 * The report's last column: the archive number of each record an import wrote or matched (a
 * customer's own; a purchase's customer's), or null when the entity's report has no such column.
 * Read unscoped: the caller blanks the rows the reader may not read.
 */
export async function archiveNumbers(db: Db, entity: ImportEntity, ids: number[]): Promise<Map<number, string> | null> {
  if (entity !== 'customers' && entity !== 'purchases') return null;
  if (ids.length === 0) return new Map();
  const why = unscoped('the archive numbers of records an import wrote or matched');
  if (entity === 'customers') return new Map([...(await customersByIds(db, ids, why)).rows].map(([id, row]) => [id, row.archive_no]));
  const customerOf = await customersOfPurchases(db, ids);
  const customers = (await customersByIds(db, [...new Set(customerOf.values())], why)).rows;
  return new Map(ids.flatMap((id) => {
    const row = customers.get(customerOf.get(id) ?? 0);
    return row ? [[id, row.archive_no] as [number, string]] : [];
  }));
}

import type { ImportEntity } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { readableContactIds } from '../contacts/index.js';
import { customerReadScope, customersByIds } from '../customers/index.js';
import { leadsByIds } from '../leads/index.js';

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
  }
}

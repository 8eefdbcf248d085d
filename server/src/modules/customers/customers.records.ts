import type { Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import { buildSearchDocument } from '../../platform/search.js';
import type * as repo from './customers.repository.js';

/** The data-scope condition for customers: owners in scope, plus the public pool. */
export function customerScope(actor: Actor) {
  return ownerScope(actor, 'c.owner_id', { includeUnowned: true });
}

export function archiveNumber(n: number): string {
  return `KH${String(n).padStart(8, '0')}`;
}

/** Search document of a customer: its own names and numbers and those of its contacts. */
export function searchDocument(row: Pick<repo.CustomerRow, 'name' | 'phone' | 'mobile' | 'email' | 'archive_no' | 'contact_terms'>) {
  return buildSearchDocument([row.name, row.archive_no, row.phone, row.mobile, row.email, ...row.contact_terms.split('\n')]);
}

/** Drop empty values from a profile object: only what is known is stored. */
export function compact<T extends object>(profile: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(profile ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

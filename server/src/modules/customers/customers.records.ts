import { sensitivePersonFields, type PersonProfile } from '@crm/contracts';
import { sql, type SqlBool } from 'kysely';
import { can, type Actor } from '../../platform/auth/actor.js';
import { isUnscoped, ownerEditScope, ownerScope, viaOwnDeal, type Scope } from '../../platform/auth/scope.js';
import { buildSearchDocument, phoneSearchTerms } from '../../platform/search.js';
import type * as repo from './customers.repository.js';

/** The data-scope condition for customers: owners in scope, plus the public pool. */
export function customerScope(actor: Actor) {
  return ownerScope(actor, 'customers', { includeUnowned: true });
}

/**
 * What the actor may read: the data scope, plus the customers of the live deals they own
 * (read-only). The one rule behind every customer list, search, count, export and single read.
 */
export function customerReadScope(actor: Actor): Scope {
  const scope = customerScope(actor);
  return isUnscoped(scope) ? scope : sql<SqlBool>`(${scope} or ${viaOwnDeal(actor, 'c.id')})`;
}

/**
 * What the actor may change: owners in scope; a public-pool customer only with the assign right
 * (anyone else claims it first).
 */
export function customerEditScope(actor: Actor): Scope {
  return ownerEditScope(actor, 'customers', can(actor, 'customers.assign'));
}

export function archiveNumber(n: number): string {
  return `KH${String(n).padStart(8, '0')}`;
}

/** Search document of a customer: its own names and numbers (phones in every form, see phoneSearchTerms) and those of its contacts. */
export function searchDocument(row: Pick<repo.CustomerRow, 'name' | 'phone' | 'mobile' | 'email' | 'archive_no' | 'contact_terms'>) {
  return buildSearchDocument([row.name, row.archive_no, ...phoneSearchTerms(row.phone), ...phoneSearchTerms(row.mobile), row.email, ...row.contact_terms.split('\n')]);
}

/** Drop empty values from a profile object: only what is known is stored. */
export function compact<T extends object>(profile: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(profile ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** A profile with the sent keys applied over the stored ones: null clears a key, a missing key stays. */
export function mergeProfile<T extends object>(stored: T, sent: Partial<T>): Partial<T> {
  return compact({ ...stored, ...sent });
}

/**
 * A person profile patched by `sent`. Sensitive values stay as stored when the sender may not see
 * them, or when they come back masked (with *) as the server presented them.
 */
export function mergePerson(stored: PersonProfile, sent: PersonProfile, viewSensitive: boolean): PersonProfile {
  const patch: PersonProfile = { ...sent };
  for (const field of sensitivePersonFields) {
    const value = patch[field];
    if (!viewSensitive || (typeof value === 'string' && value.includes('*'))) delete patch[field];
  }
  return mergeProfile(stored, patch);
}

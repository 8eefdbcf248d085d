import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.js';

/**
 * The data-scope rule, in one place: which owners' records the actor may see, as a WHERE
 * condition on an owner column. Every list, search, count, export and job uses it.
 * Returns null when the scope is everything.
 */
export function ownerScope(actor: Actor, ownerColumn: string, options: { includeUnowned?: boolean } = {}): Expression<SqlBool> | null {
  const col = sql.ref(ownerColumn);
  let owned: Expression<SqlBool>;
  switch (actor.dataScope) {
    case 'all':
      return null;
    case 'department':
      owned =
        actor.departmentId === null
          ? sql<SqlBool>`${col} = ${actor.userId}`
          : sql<SqlBool>`${col} in (select su.id from users su where su.department_id = ${actor.departmentId})`;
      break;
    case 'department_tree':
      owned =
        actor.departmentPath === null
          ? sql<SqlBool>`${col} = ${actor.userId}`
          : sql<SqlBool>`${col} in (select su.id from users su join departments sd on sd.id = su.department_id where sd.path like ${`${actor.departmentPath}%`})`;
      break;
    case 'own':
      owned = sql<SqlBool>`${col} = ${actor.userId}`;
      break;
  }
  // Unowned records sit in the public pool, which everyone allowed to see the module may see.
  return options.includeUnowned ? sql<SqlBool>`(${owned} or ${col} is null)` : owned;
}

/**
 * What the actor may change, as a WHERE condition on an owner column: owners in scope; unowned
 * (public pool) records only when `poolEditable` (the module's assign right), else they are
 * claimed first. Null when everything is editable.
 */
export function ownerEditScope(actor: Actor, ownerColumn: string, poolEditable: boolean): Expression<SqlBool> | null {
  const scope = ownerScope(actor, ownerColumn, { includeUnowned: poolEditable });
  return scope === null && !poolEditable ? sql<SqlBool>`${sql.ref(ownerColumn)} is not null` : scope;
}

/**
 * The deal-owner rule: the owner of a live deal may read the deal's customer and the deal's
 * contacts (read-only), whatever the customer's owner. A condition on a customer id column, or
 * on a contact id column with `of: 'contact'`; OR-ed with the owner scope by the read scopes.
 */
export function viaOwnDeal(actor: Actor, idColumn: string, of: 'customer' | 'contact' = 'customer'): Expression<SqlBool> {
  const col = sql.ref(idColumn);
  return of === 'customer'
    ? sql<SqlBool>`${col} in (select sdo.customer_id from opportunities sdo where sdo.owner_id = ${actor.userId} and sdo.deleted_at is null)`
    : sql<SqlBool>`${col} in (select sdc.contact_id from opportunity_contacts sdc join opportunities sdo on sdo.id = sdc.opportunity_id where sdo.owner_id = ${actor.userId} and sdo.deleted_at is null)`;
}

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.js';

const unscopedMark: unique symbol = Symbol('unscoped');

/**
 * "Every record", said on purpose: no data-scope condition, with the reason in words (an actor
 * whose scope is all, a restore from the recycle bin, a job that runs for the system). A bare
 * `null` does not type-check as a `Scope`, so skipping the scope is always explicit and greppable.
 */
export interface Unscoped {
  readonly [unscopedMark]: true;
  readonly reason: string;
}

/** What a repository takes to limit its rows: a WHERE condition, or the explicit "everything". */
export type Scope = Expression<SqlBool> | Unscoped;

/** The explicit "no scope": `reason` says why every record is meant (it documents the call site). */
export function unscoped(reason: string): Unscoped {
  return { [unscopedMark]: true, reason };
}

/** Whether the scope is "everything": repositories add a WHERE condition only when it is not. */
export function isUnscoped(scope: Scope): scope is Unscoped {
  return unscopedMark in scope;
}

/**
 * The owner column of each scoped table, under the alias every scoped query gives the table
 * (`customers as c`, `leads as l`, `opportunities as o`, `quotes as q`, `contracts as ct`, `users as su2`): the scope is a condition
 * on that column, so a query that names the table otherwise fails loudly in SQL instead of
 * silently filtering the wrong column. A user "owns" themselves (users in scope are those whose
 * records the actor may see).
 */
const ownerColumns = {
  customers: 'c.owner_id',
  leads: 'l.owner_id',
  opportunities: 'o.owner_id',
  quotes: 'q.owner_id',
  contracts: 'ct.owner_id',
  // A contract's instalments through the contract's owner, which each instalment keeps a copy of.
  instalments: 'pp.owner_id',
  users: 'su2.id',
  // An approval request is in scope through the owner of its record (as submitted).
  approvals: 'ar.owner_id',
  // Follow-ups through their authors, tasks through their assignees.
  followups: 'fu.author_id',
  tasks: 'tk.assignee_id',
  // Work reports through their authors.
  reports: 'wr.author_id',
  // Care reminders through the user they were made for.
  reminders: 'cr.user_id',
} as const;
export type ScopedTable = keyof typeof ownerColumns;

/**
 * The data-scope rule, in one place: which owners' records of a table the actor may see, as a
 * WHERE condition on its owner column. Every list, search, count, export and job uses it.
 * Unscoped when the actor's data scope is all.
 */
export function ownerScope(actor: Actor, table: ScopedTable, options: { includeUnowned?: boolean } = {}): Scope {
  const col = sql.ref(ownerColumns[table]);
  let owned: Expression<SqlBool>;
  switch (actor.dataScope) {
    case 'all':
      return unscoped('the data scope of the role is all');
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
 * claimed first. Unscoped when everything is editable.
 */
export function ownerEditScope(actor: Actor, table: 'customers' | 'leads', poolEditable: boolean): Scope {
  const scope = ownerScope(actor, table, { includeUnowned: poolEditable });
  return isUnscoped(scope) && !poolEditable ? sql<SqlBool>`${sql.ref(ownerColumns[table])} is not null` : scope;
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

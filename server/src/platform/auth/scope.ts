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

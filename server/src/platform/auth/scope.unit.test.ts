import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { isUnscoped, ownerEditScope, ownerScope, unscoped, type Scope } from './scope.js';

/** The data scope as a value: a condition on the table's owner column, or the explicit "everything". */
const db = new Kysely<DB>({
  dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new SqliteIntrospector(k), createQueryCompiler: () => new SqliteQueryCompiler() },
});

const actor = (dataScope: Actor['dataScope']) =>
  ({ userId: 7, dataScope, departmentId: 3, departmentPath: '/1/3/' }) as Pick<Actor, 'userId' | 'dataScope' | 'departmentId' | 'departmentPath'> as Actor;

/** The WHERE clause a customers query gets from the scope. */
function whereOf(scope: Scope): string {
  const query = db.selectFrom('customers as c').select('c.id');
  return (isUnscoped(scope) ? query : query.where(scope)).compile().sql.replace(/^select "c"\."id" from "customers" as "c"\s*/, '');
}

describe('data scope', () => {
  it('is the explicit "everything" for an actor whose scope is all, and no condition is added', () => {
    const scope = ownerScope(actor('all'), 'customers', { includeUnowned: true });
    expect(isUnscoped(scope)).toBe(true);
    expect(whereOf(scope)).toBe('');
  });

  it('is a condition on the owner column of the table otherwise', () => {
    expect(whereOf(ownerScope(actor('own'), 'customers'))).toBe('where "c"."owner_id" = ?');
    expect(whereOf(ownerScope(actor('own'), 'customers', { includeUnowned: true }))).toBe('where ("c"."owner_id" = ? or "c"."owner_id" is null)');
    expect(whereOf(ownerScope(actor('department'), 'opportunities'))).toContain('"o"."owner_id" in (select su.id from users su where su.department_id = ?)');
    expect(whereOf(ownerScope(actor('department_tree'), 'users'))).toContain('"su2"."id" in (select su.id from users su join departments sd');
  });

  it('never lets an all-scope actor change the pool without the assign right', () => {
    expect(isUnscoped(ownerEditScope(actor('all'), 'leads', true))).toBe(true);
    expect(whereOf(ownerEditScope(actor('all'), 'customers', false))).toBe('where "c"."owner_id" is not null');
  });

  it('says why when a caller skips it on purpose', () => {
    const scope = unscoped('restore from the recycle bin');
    expect(isUnscoped(scope) && scope.reason).toBe('restore from the recycle bin');
    // @ts-expect-error -- a bare null is not a scope: "everything" must be said with unscoped(reason).
    const bare: Scope = null;
    expect(bare).toBeNull();
  });
});

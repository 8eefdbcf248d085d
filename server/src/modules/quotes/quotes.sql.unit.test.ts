import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';
import * as repo from './quotes.repository.js';

/** The SQL of the quote list (scope, search, filters), so that a reviewer sees any change to it. */
const engines = {
  sqlite: new Kysely<DB>({
    dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
  }),
  postgres: new Kysely<DB>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  }),
};

const manager = { userId: 2, dataScope: 'department_tree', departmentId: 2, departmentPath: '/1/2/' } as Pick<Actor, 'userId' | 'dataScope' | 'departmentId' | 'departmentPath'> as Actor;

function compiled(query: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

describe.each(Object.entries(engines))('SQL on %s', (_engine, db) => {
  it('the quote list: owner scope as a users subquery, search on number, title and customer name', () => {
    const filter: repo.QuoteFilter = { scope: ownerScope(manager, 'quotes'), q: '华瑞', customerId: 7, status: 'sent' };
    expect(compiled(repo.filtered(db, filter).select('q.id').orderBy('q.updated_at', 'desc').limit(20))).toMatchSnapshot();
  });
});

import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../platform/db/schema.js';
import { bestListPriceQuery } from './products.repository.js';

/** The SQL of the price-list rule, so that a reviewer sees any change to it (it leans on price_list_items_product). */
const engines = {
  sqlite: new Kysely<DB>({
    dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
  }),
  postgres: new Kysely<DB>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  }),
};


function compiled(query: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

describe.each(Object.entries(engines))('SQL on %s', (_engine, db) => {
  it('the price a customer gets: the most specific valid active list first', () => {
    expect(compiled(bestListPriceQuery(db, 5, { category: 'distributor', province: '广东省' }, '2026-12-05'))).toMatchSnapshot();
  });
});

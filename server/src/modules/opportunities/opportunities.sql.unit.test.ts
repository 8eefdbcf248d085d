import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';
import * as repo from './opportunities.repository.js';

/**
 * The SQL of the board and forecast queries, so that a reviewer sees any change to them: they
 * are what the 1,000,000-deal benchmark times, and they lean on the migration's indexes
 * (opportunities_owner for one department's column figures, opportunities_board for the cards,
 * opportunities_forecast for the forecast).
 */
const engines = {
  sqlite: new Kysely<DB>({
    dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
  }),
  postgres: new Kysely<DB>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  }),
};

const manager = { userId: 2, dataScope: 'department_tree', departmentId: 2, departmentPath: '/1/2/' } as Pick<Actor, 'userId' | 'dataScope' | 'departmentId' | 'departmentPath'> as Actor;
const scope = ownerScope(manager, 'opportunities');
const board: repo.OpportunityFilter = { scope, today: '2026-11-22', pipelineId: 1, departmentId: 3 };

function compiled(query: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

describe.each(Object.entries(engines))('SQL on %s', (_engine, db) => {
  it('board column figures: one grouped query, owners as a users subquery', () => {
    expect(compiled(repo.boardTotalsQuery(db, board))).toMatchSnapshot();
  });

  it('board column figures from the kept sums (no filter but scope, department, owner, stage)', () => {
    expect(compiled(repo.boardSumsQuery(db, board))).toMatchSnapshot();
  });

  it('board cards: one stage, by expected close date (latest first in a closing stage)', () => {
    expect(compiled(repo.boardCardsQuery(db, board, 7, 20, false))).toMatchSnapshot();
    expect(compiled(repo.boardCardsQuery(db, board, 10, 20, true))).toMatchSnapshot();
  });

  it('forecast: sums per month, owner, status and category', () => {
    expect(compiled(repo.forecastQuery(db, { scope, from: '2026-11', to: '2027-10', departmentId: 3, pipelineId: 1 }))).toMatchSnapshot();
  });

  it('table: every filter', () => {
    const all: repo.OpportunityFilter = {
      ...board, q: '华东', stageId: 4, status: 'open', ownerId: 5, customerId: 6, closeFrom: '2026-01-01', closeTo: '2026-12-31',
      amountMin: 100, amountMax: 1000, overdue: true, forecastCategory: 'commit', forecastMonth: '2026-12',
    };
    expect(compiled(repo.filtered(db, all).select('o.id').orderBy('o.updated_at', 'desc').orderBy('o.id', 'desc').limit(20))).toMatchSnapshot();
  });
});

import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';
import { endedStaysQuery, stageOutcomesQuery, type StageStatsFilter } from './stage-stats.repository.js';

/**
 * The SQL of the stage conversion report, so that a reviewer sees any change to it: the window
 * walks opportunity_stage_history_stage (pipeline, stage, entered_at), the "later entry" checks
 * opportunity_stage_history_opportunity (opportunity, entered_at).
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
const filter: StageStatsFilter = {
  scope: ownerScope(manager, 'opportunities'),
  today: '2026-11-22',
  pipelineId: 1,
  from: '2025-11-23T00:00:00.000Z',
  until: '2026-11-22T23:59:59.999Z',
  departmentId: 3,
  ownerId: 5,
};

function compiled(query: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

describe.each(Object.entries(engines))('stage report SQL on %s', (_engine, db) => {
  it('outcomes per stage: first entries in the window, then later entries of the same deal', () => {
    expect(compiled(stageOutcomesQuery(db, filter))).toMatchSnapshot();
  });

  it('stays that ended in the window', () => {
    expect(compiled(endedStaysQuery(db, filter))).toMatchSnapshot();
  });
});

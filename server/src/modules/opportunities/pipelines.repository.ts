import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type PipelineRow = Selectable<DB['pipelines']>;
export type StageRow = Selectable<DB['pipeline_stages']>;
export type NewStageRow = Omit<StageRow, 'id'>;

export function listPipelines(db: Db): Promise<PipelineRow[]> {
  return db.selectFrom('pipelines').selectAll().orderBy('position').orderBy('id').execute();
}

export function findPipeline(db: Db, id: number): Promise<PipelineRow | undefined> {
  return db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
}

export function defaultPipeline(db: Db): Promise<PipelineRow | undefined> {
  return db.selectFrom('pipelines').selectAll().where('is_default', '=', 1).orderBy('id').limit(1).executeTakeFirst();
}

/** Stages of some pipelines (all of them when `pipelineIds` is absent), inactive ones included. */
export function stagesOf(db: Db, pipelineIds?: number[]): Promise<StageRow[]> {
  let q = db.selectFrom('pipeline_stages').selectAll();
  if (pipelineIds) {
    if (pipelineIds.length === 0) return Promise.resolve([]);
    q = q.where('pipeline_id', 'in', pipelineIds);
  }
  return q.orderBy('pipeline_id').orderBy('position').orderBy('id').execute();
}

export function findStage(db: Db, id: number): Promise<StageRow | undefined> {
  return db.selectFrom('pipeline_stages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPipeline(db: Db, values: Omit<PipelineRow, 'id'>): Promise<number> {
  const row = await db.insertInto('pipelines').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Versioned update: false when the version is stale. */
export async function updatePipeline(db: Db, id: number, version: number, values: Partial<PipelineRow>): Promise<boolean> {
  const result = await db
    .updateTable('pipelines')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The other pipelines stop being the default. */
export async function clearDefaultExcept(db: Db, id: number): Promise<void> {
  await db.updateTable('pipelines').set({ is_default: 0 }).where('id', '!=', id).where('is_default', '=', 1).execute();
}

export async function nextPipelinePosition(db: Db): Promise<number> {
  const row = await db.selectFrom('pipelines').select((eb) => eb.fn.max<number | null>('position').as('p')).executeTakeFirst();
  return Number(row?.p ?? -1) + 1;
}

export async function insertStage(db: Db, values: NewStageRow): Promise<number> {
  const row = await db.insertInto('pipeline_stages').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateStage(db: Db, id: number, values: Partial<NewStageRow>): Promise<void> {
  await db.updateTable('pipeline_stages').set(values).where('id', '=', id).execute();
}

/** How many live deals sit in each of these stages (open ones only when `openOnly`). */
export async function dealsPerStage(db: Db, stageIds: number[], openOnly: boolean): Promise<Map<number, number>> {
  if (stageIds.length === 0) return new Map();
  let q = db
    .selectFrom('opportunities')
    .select(['stage_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('stage_id', 'in', stageIds)
    .where('deleted_at', 'is', null);
  if (openOnly) q = q.where('status', '=', 'open');
  const rows = await q.groupBy('stage_id').execute();
  return new Map(rows.map((r) => [r.stage_id, Number(r.n)]));
}

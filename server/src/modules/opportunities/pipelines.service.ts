import type { Pipeline, pipelineCreate, pipelineUpdate, stageWrite } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { presentPipeline } from './opportunities.presenter.js';
import { Problems } from './opportunities.write.js';
import * as repo from './pipelines.repository.js';

type Db = AppContext['db'];
type StageInput = z.output<typeof stageWrite>;

async function presentOne(db: Db, id: number): Promise<Pipeline> {
  const row = await repo.findPipeline(db, id);
  if (!row) throw notFound();
  return presentPipeline(row, await repo.stagesOf(db, [id]));
}

/** Pipelines with their stages: for the deal forms and board (opportunities.view) and the settings page. */
export async function listPipelines(ctx: AppContext, actor: Actor): Promise<{ items: Pipeline[] }> {
  if (!can(actor, 'opportunities.view') && !can(actor, 'settings.view')) throw forbidden();
  const rows = await repo.listPipelines(ctx.db);
  const stages = await repo.stagesOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentPipeline(r, stages)) };
}

/** At least one open stage, exactly one won and one lost. */
function checkKinds(stages: StageInput[], problems: Problems): void {
  const count = (kind: string) => stages.filter((s) => s.kind === kind).length;
  if (count('open') < 1 || count('won') !== 1 || count('lost') !== 1) problems.add('stages', 'pipelineWonLost');
}

function stageValues(pipelineId: number, s: StageInput, position: number, key: string | null, guidance: string | null): repo.NewStageRow {
  return { pipeline_id: pipelineId, key, name_zh: s.nameZh, name_en: s.nameEn, position, probability: s.probability, kind: s.kind, guidance, active: 1 };
}

export async function createPipeline(ctx: AppContext, actor: Actor, input: z.output<typeof pipelineCreate>): Promise<Pipeline> {
  authorize(actor, 'settings.edit');
  const problems = new Problems();
  checkKinds(input.stages, problems);
  input.stages.forEach((s, index) => {
    if (s.id !== undefined) problems.add(`stages.${index}.id`, 'pipelineUnknownStage');
  });
  problems.throwIfAny();
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertPipeline(trx, {
      name: input.name, is_default: input.isDefault ? 1 : 0, position: await repo.nextPipelinePosition(trx), active: 1,
      version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
    });
    for (const [index, s] of input.stages.entries()) await repo.insertStage(trx, stageValues(id, s, index, null, s.guidance ?? null));
    if (input.isDefault) await repo.clearDefaultExcept(trx, id);
    return id;
  });
  return presentOne(ctx.db, id);
}

/**
 * Change a pipeline. Its stages are given in order; a stage left out is deactivated (kept for the
 * deals and history that name it), refused while it holds open deals; a stage's kind does not
 * change while deals sit in it. There is always exactly one default pipeline, and it is active.
 */
export async function updatePipeline(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof pipelineUpdate>): Promise<Pipeline> {
  authorize(actor, 'settings.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findPipeline(trx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(await presentOne(trx, id));
    const problems = new Problems();
    const wasDefault = row.is_default === 1;
    const isDefault = input.isDefault ?? wasDefault;
    const active = input.active ?? row.active === 1;
    if (wasDefault && !isDefault) problems.add('isDefault', 'pipelineNeedsDefault');
    if (isDefault && !active) problems.add('active', 'pipelineDefaultActive');

    const existing = await repo.stagesOf(trx, [id]);
    const byId = new Map(existing.map((s) => [s.id, s]));
    let leftOut: repo.StageRow[] = [];
    if (input.stages) {
      checkKinds(input.stages, problems);
      const seen = new Set<number>();
      input.stages.forEach((s, index) => {
        if (s.id === undefined) return;
        if (!byId.has(s.id)) problems.add(`stages.${index}.id`, 'pipelineUnknownStage');
        else if (seen.has(s.id)) problems.add(`stages.${index}.id`, 'pipelineDuplicateStage');
        seen.add(s.id);
      });
      leftOut = existing.filter((s) => s.active === 1 && !seen.has(s.id));
      const open = await repo.dealsPerStage(trx, leftOut.map((s) => s.id), true);
      if ([...open.values()].some((n) => n > 0)) problems.add('stages', 'pipelineStageHasOpenDeals');
      const kept = input.stages.flatMap((s, index) => {
        const old = s.id !== undefined ? byId.get(s.id) : undefined;
        return old && old.kind !== s.kind ? [{ index, id: old.id }] : [];
      });
      const used = await repo.dealsPerStage(trx, kept.map((k) => k.id), false);
      for (const k of kept) if ((used.get(k.id) ?? 0) > 0) problems.add(`stages.${k.index}.kind`, 'pipelineStageKindInUse');
    }
    problems.throwIfAny();

    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      is_default: isDefault ? 1 : 0,
      active: active ? 1 : 0,
      updated_at: at,
      updated_by: actor.userId,
    };
    if (!(await repo.updatePipeline(trx, id, input.version, changes))) throw conflict(await presentOne(trx, id));
    if (isDefault && !wasDefault) await repo.clearDefaultExcept(trx, id);
    if (input.stages) {
      for (const [index, s] of input.stages.entries()) {
        const old = s.id !== undefined ? byId.get(s.id) : undefined;
        if (old) await repo.updateStage(trx, old.id, stageValues(id, s, index, old.key, s.guidance === undefined ? old.guidance : s.guidance));
        else await repo.insertStage(trx, stageValues(id, s, index, null, s.guidance ?? null));
      }
      // Deactivated stages sort after the active ones, in their old order.
      for (const s of leftOut) await repo.updateStage(trx, s.id, { active: 0, position: input.stages.length + s.position });
    }
  });
  return presentOne(ctx.db, id);
}

import type { StageStats, stageStatsQuery } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { presentStage, utcDate } from './opportunities.presenter.js';
import { opportunityScope } from './opportunities.service.js';
import * as pipelines from './pipelines.repository.js';
import { endedStays, stageOutcomes, type StageOutcome } from './stage-stats.repository.js';

const hour = 3_600_000;
const day = 24 * hour;

/** The day a year before `to`, plus one: with both ends included, exactly 12 months. */
function yearBefore(to: string): string {
  const d = new Date(`${to}T00:00:00.000Z`);
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  const date = new Date(d.getTime() + day).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '0000-01-01';
}

/** Percent with one decimal; 0 when nothing to divide by. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Conversion between stages and time in stage for one pipeline: per open stage (then the won
 * stage) how many deals of the caller's data scope entered it in the window, how many of them
 * went further, were lost or still sit there, and how long the stays that ended lasted.
 */
export async function getStageStats(ctx: AppContext, actor: Actor, query: z.output<typeof stageStatsQuery>): Promise<StageStats> {
  authorize(actor, 'opportunities.view');
  const to = query.to ?? utcDate(ctx.clock.now());
  const from = query.from ?? yearBefore(to);
  if (from > to) throw invalid('from', 'stageStatsRange');
  const pipeline = query.pipelineId === undefined ? await pipelines.defaultPipeline(ctx.db) : await pipelines.findPipeline(ctx.db, query.pipelineId);
  // An inactive pipeline still has its history to report on.
  if (!pipeline) throw invalid('pipelineId', 'stageStatsUnknownPipeline');

  const filter = {
    scope: opportunityScope(actor),
    today: utcDate(ctx.clock.now()),
    pipelineId: pipeline.id,
    from: `${from}T00:00:00.000Z`,
    // Instants are stored as toISOString() text, so they compare as strings; the last millisecond of `to` includes the whole day.
    until: `${to}T23:59:59.999Z`,
    ownerId: query.ownerId,
    departmentId: query.departmentId,
  };
  const [stages, outcomes, stays] = await Promise.all([pipelines.stagesOf(ctx.db, [pipeline.id]), stageOutcomes(ctx.db, filter), endedStays(ctx.db, filter)]);

  const byStage = new Map<number, StageOutcome>(outcomes.map((o) => [o.stageId, o]));
  const durations = new Map<number, number[]>();
  for (const s of stays) {
    const ms = new Date(s.leftAt).getTime() - new Date(s.enteredAt).getTime();
    const list = durations.get(s.stageId) ?? [];
    list.push(Math.max(0, ms) / hour);
    durations.set(s.stageId, list);
  }

  // Funnel order: open stages by position, then won. Inactive stages only when deals entered them in the window.
  const steps = stages
    .filter((s) => s.kind !== 'lost' && (s.active === 1 || byStage.has(s.id)))
    .sort((a, b) => Number(a.kind === 'won') - Number(b.kind === 'won') || a.position - b.position || a.id - b.id);

  return {
    pipelineId: pipeline.id,
    from,
    to,
    stages: steps.map((s) => {
      const o = byStage.get(s.id) ?? { entered: 0, advanced: 0, stillThere: 0, lost: 0 };
      const hours = (durations.get(s.id) ?? []).sort((a, b) => a - b);
      const mean = hours.length === 0 ? 0 : hours.reduce((sum, h) => sum + h, 0) / hours.length;
      return {
        stage: presentStage(s),
        entered: o.entered,
        advanced: o.advanced,
        lost: o.lost,
        stillThere: o.stillThere,
        conversion: percent(o.advanced, o.entered),
        ended: hours.length,
        avgHours: Math.round(mean),
        medianHours: Math.round(median(hours)),
      };
    }),
  };
}

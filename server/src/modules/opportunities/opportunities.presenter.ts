import type { ContactRole, ForecastCategory, Opportunity, OpportunityStatus, Pipeline, Stage, StageKind } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { OpportunityView } from './opportunities.repository.js';
import type { PipelineRow, StageRow } from './pipelines.repository.js';

/** What presenting deals needs besides the rows, read once per request. */
export interface PresentContext {
  stages: ReadonlyMap<number, StageRow>;
  names: ReadonlyMap<number, string>;
  bigDealAmount: number | null;
  /** UTC date: open deals expected to close before it are overdue. */
  today: string;
  actor: Actor;
}

export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** amount × probability / 100, rounded: the weighted amount of one deal. */
export function weighted(amountBase: number, probability: number): number {
  return Math.round((amountBase * probability) / 100);
}

export function presentStage(row: StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    key: row.key,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    position: row.position,
    probability: row.probability,
    kind: row.kind as StageKind,
    guidance: row.guidance,
    active: row.active === 1,
  };
}

const kindRank: Record<string, number> = { open: 0, won: 1, lost: 2 };

/** Board order: active stages first; open ones, then won, then lost; by position within. */
export function boardOrder(a: StageRow, b: StageRow): number {
  return b.active - a.active || (kindRank[a.kind] ?? 0) - (kindRank[b.kind] ?? 0) || a.position - b.position || a.id - b.id;
}

export function presentPipeline(row: PipelineRow, stages: StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    active: row.active === 1,
    stages: stages.filter((s) => s.pipeline_id === row.id).sort(boardOrder).map(presentStage),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

/** A stage's name in both languages, for timeline entries that readers of either language see. */
export function stageLabel(stage: Pick<StageRow, 'name_zh' | 'name_en'> | undefined): string | null {
  if (!stage) return null;
  return stage.name_zh === stage.name_en ? stage.name_zh : `${stage.name_zh} / ${stage.name_en}`;
}

export function presentOpportunity(row: OpportunityView, pc: PresentContext, contacts: Array<{ contact_id: number; role: string; name: string }> = []): Opportunity {
  const stage = pc.stages.get(row.stage_id);
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    customerName: row.customer_name ?? '',
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    stageKey: stage?.key ?? null,
    stageNameZh: stage?.name_zh ?? '',
    stageNameEn: stage?.name_en ?? '',
    status: row.status as OpportunityStatus,
    ownerId: row.owner_id,
    ownerName: pc.names.get(row.owner_id) ?? null,
    amount: Number(row.amount),
    currency: row.currency,
    amountBase: Number(row.amount_base),
    probability: row.probability,
    weightedAmount: weighted(Number(row.amount_base), row.probability),
    expectedCloseDate: row.expected_close_date,
    forecastCategory: row.forecast_category as ForecastCategory,
    source: row.source,
    leadId: row.lead_id,
    competitors: JSON.parse(row.competitors) as string[],
    nextStep: row.next_step,
    description: row.description,
    wonAmount: row.won_amount === null ? null : Number(row.won_amount),
    lostReason: row.lost_reason,
    lostNote: row.lost_note,
    closedOn: row.closed_on,
    stageEnteredAt: row.stage_entered_at,
    overdue: row.status === 'open' && row.expected_close_date < pc.today,
    bigDeal: pc.bigDealAmount !== null && Number(row.amount_base) >= pc.bigDealAmount,
    contacts: contacts.map((c) => ({ contactId: c.contact_id, name: c.name, role: c.role as ContactRole })),
    can: { edit: can(pc.actor, 'opportunities.edit'), delete: can(pc.actor, 'opportunities.delete'), assign: can(pc.actor, 'opportunities.assign') },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

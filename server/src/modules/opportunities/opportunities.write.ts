import { formatMoney, type FieldChange, type HistoryAction, type SalesSettings, type opportunityCreate } from '@crm/contracts';
import type { z } from 'zod';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { searchKeyOf } from '../../platform/search.js';
import { liveContactsOf, readableContactIds } from '../contacts/index.js';
import { findVisible, lockCustomers, touchCustomer } from '../customers/index.js';
import { managerChain } from '../departments/index.js';
import { recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { activeUser, isUserInScope, userNames } from '../users/index.js';
import { stageLabel, utcDate } from './opportunities.presenter.js';
import * as repo from './opportunities.repository.js';
import * as pipelines from './pipelines.repository.js';
import { isActiveLostReason, rateOf, readSalesSettings } from './sales-settings.js';

/**
 * The writing rules every path shares (create, edit, move, lead conversion): checks that collect
 * field-level problems, the effects of entering a stage, and the big-deal alert.
 */
type Db = AppContext['db'];

/** Field problems collected so that a form sees all of them at once. */
export class Problems {
  readonly details: ErrorDetail[] = [];
  add(path: string, message: MessageKey): void {
    this.details.push({ path, message });
  }
  throwIfAny(): void {
    if (this.details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', this.details);
  }
}

export const today = (now: Date) => utcDate(now);
export const monthOf = (date: string) => date.slice(0, 7);

/** Every stage by id (a short table), for presenting deals and checking moves. */
export async function stageMap(db: Db): Promise<Map<number, pipelines.StageRow>> {
  return new Map((await pipelines.stagesOf(db)).map((s) => [s.id, s]));
}

/**
 * The pipeline (the default one when absent) and the stage (its first open stage when absent)
 * a deal goes to; both must be active. Null after a problem was noted.
 */
export async function resolveStage(db: Db, pipelineId: number | undefined, stageId: number | undefined, problems: Problems): Promise<{ pipeline: pipelines.PipelineRow; stage: pipelines.StageRow } | null> {
  const pipeline = pipelineId === undefined ? await pipelines.defaultPipeline(db) : await pipelines.findPipeline(db, pipelineId);
  if (!pipeline || pipeline.active !== 1) {
    problems.add('pipelineId', 'opportunityUnknownPipeline');
    return null;
  }
  const stages = (await pipelines.stagesOf(db, [pipeline.id])).filter((s) => s.active === 1);
  const stage = stageId === undefined ? stages.find((s) => s.kind === 'open') : stages.find((s) => s.id === stageId);
  if (!stage) {
    problems.add('stageId', 'opportunityUnknownStage');
    return null;
  }
  return { pipeline, stage };
}

/** Oneself always; anybody else with opportunities.assign, when active and within one's data scope. */
export async function checkDealOwner(ctx: AppContext, db: Db, actor: Actor, ownerId: number, problems: Problems): Promise<void> {
  if (ownerId === actor.userId) return;
  if (!can(actor, 'opportunities.assign')) return problems.add('ownerId', 'opportunityOwnerNeedsAssign');
  const user = await activeUser(ctx, ownerId, db);
  if (!user || !(await isUserInScope(ctx, actor, ownerId, db))) problems.add('ownerId', 'opportunityOwnerOutsideScope');
}

/**
 * Contacts of a deal: live contacts of its customer that the actor may read (or that the deal
 * already has: `kept`), each once. One the actor may not read is refused as if it did not exist.
 */
export async function checkContacts(db: Db, actor: Actor, customerId: number, contacts: Array<{ contactId: number }>, problems: Problems, kept: ReadonlySet<number> = new Set()): Promise<void> {
  if (contacts.length === 0) return;
  const readable = await readableContactIds(db, actor, contacts.map((c) => c.contactId));
  const own = new Set((await liveContactsOf(db, [customerId])).map((c) => c.id).filter((id) => readable.has(id) || kept.has(id)));
  const seen = new Set<number>();
  contacts.forEach((c, index) => {
    if (!own.has(c.contactId)) problems.add(`contacts.${index}.contactId`, 'opportunityContactNotOfCustomer');
    else if (seen.has(c.contactId)) problems.add(`contacts.${index}.contactId`, 'opportunityDuplicateContact');
    seen.add(c.contactId);
  });
}

/** An amount in the base currency at today's rate; null (and a problem on `path`) without a rate. */
export function toBase(settings: SalesSettings, amount: number, currency: string, problems: Problems, path = 'currency'): number | null {
  const rate = rateOf(settings, currency);
  if (rate === null) {
    problems.add(path, 'opportunityNoRate');
    return null;
  }
  return Math.round(amount * rate);
}

export interface StageMoveInput {
  wonAmount?: number;
  lostReason?: string;
  lostNote?: string | null;
  /** An explicit probability; otherwise the stage's default. */
  probability?: number;
}

export interface StageMove {
  changes: Partial<repo.OpportunityRow>;
  action: Extract<HistoryAction, 'stage_change' | 'won' | 'lost' | 'reopen'>;
  history: FieldChange[];
}

/**
 * What moving a deal to another stage changes (no writes). Won: the final amount is required,
 * the deal closes today and counts in this month's forecast at 100 %. Lost: an active lost reason
 * is required, probability 0. Back to an open stage: a reopen, the closing fields cleared.
 */
export function stageMove(
  row: repo.OpportunityRow,
  from: pipelines.StageRow | undefined,
  to: pipelines.StageRow,
  input: StageMoveInput,
  settings: SalesSettings,
  now: Date,
  problems: Problems,
): StageMove {
  const at = now.toISOString();
  const day = today(now);
  const history: FieldChange[] = [{ field: 'stage', old: stageLabel(from), new: stageLabel(to) }];
  const base: Partial<repo.OpportunityRow> = { stage_id: to.id, pipeline_id: to.pipeline_id, status: to.kind, stage_entered_at: at };
  const cleared = { won_amount: null, won_amount_base: null, lost_reason: null, lost_note: null };
  if (to.kind === 'won') {
    if (input.wonAmount === undefined) problems.add('wonAmount', 'opportunityWonAmountRequired');
    const wonAmount = input.wonAmount ?? 0;
    // At today's rate; when the rate was removed since, at the rate the deal was written with.
    const rate = rateOf(settings, row.currency) ?? (Number(row.amount) > 0 ? Number(row.amount_base) / Number(row.amount) : 1);
    history.push({ field: 'wonAmount', old: null, new: wonAmount });
    return {
      changes: { ...base, ...cleared, won_amount: wonAmount, won_amount_base: Math.round(wonAmount * rate), closed_on: day, forecast_month: monthOf(day), probability: 100 },
      action: 'won',
      history,
    };
  }
  if (to.kind === 'lost') {
    if (input.lostReason === undefined) problems.add('lostReason', 'opportunityLostReasonRequired');
    else if (!isActiveLostReason(settings, input.lostReason)) problems.add('lostReason', 'opportunityUnknownLostReason');
    history.push({ field: 'lostReason', old: null, new: input.lostReason ?? null });
    return {
      changes: { ...base, ...cleared, lost_reason: input.lostReason ?? null, lost_note: input.lostNote ?? null, closed_on: day, forecast_month: monthOf(day), probability: 0 },
      action: 'lost',
      history,
    };
  }
  return {
    changes: { ...base, ...cleared, closed_on: null, forecast_month: monthOf(row.expected_close_date), probability: input.probability ?? to.probability },
    action: row.status === 'open' ? 'stage_change' : 'reopen',
    history,
  };
}

/**
 * The effects of a deal having entered a stage, in the caller's transaction: stage history, the
 * customer's deal time on a win, the timeline entry, the big-deal alert.
 */
export async function afterStageMove(ctx: AppContext, db: Db, actor: Actor, row: repo.OpportunityRow, from: pipelines.StageRow | undefined, to: pipelines.StageRow, move: StageMove, at: string): Promise<void> {
  await repo.enterStage(db, { opportunityId: row.id, pipelineId: to.pipeline_id, stageId: to.id, fromStageId: from?.id ?? null, at, by: actor.userId });
  if (move.action === 'won') await touchCustomer(db, row.customer_id, { dealAt: at });
  await recordChange(db, { entityType: 'opportunity', entityId: row.id, customerId: row.customer_id, action: move.action, actorId: actor.userId, at, label: row.name, changes: move.history });
  await alertBigDeal(ctx, db, actor, row, to, at);
}

/**
 * A deal at or above the big-deal amount tells the owner's manager: the manager of the owner's
 * department, or of the nearest department above whose manager is not the owner. Nobody when
 * there is none, and never the user who made the change (they know).
 */
export async function alertBigDeal(ctx: AppContext, db: Db, actor: Actor, row: Pick<repo.OpportunityRow, 'id' | 'name' | 'owner_id' | 'amount_base'>, stage: pipelines.StageRow, at: string): Promise<void> {
  const { value: settings } = await readSalesSettings(db);
  if (settings.bigDealAmount === null || Number(row.amount_base) < settings.bigDealAmount) return;
  const owner = await activeUser(ctx, row.owner_id, db);
  if (!owner || owner.departmentId === null) return;
  const manager = (await managerChain(db, owner.departmentId)).find((m) => m !== null && m !== row.owner_id);
  if (manager === undefined || manager === null || manager === actor.userId) return;
  const ownerName = (await userNames(ctx, [row.owner_id], db)).get(row.owner_id) ?? String(row.owner_id);
  await notify(db, {
    userId: manager,
    kind: 'big_deal',
    params: { deal: row.name, amount: formatMoney(Number(row.amount_base), settings.baseCurrency, 'zh-CN'), stageZh: stage.name_zh, stageEn: stage.name_en, owner: ownerName },
    entityType: 'opportunity',
    entityId: row.id,
    at,
  });
}

/**
 * Create a deal inside the caller's transaction: the one path that writes a new opportunity (the
 * POST route and lead conversion). Defaults: the default pipeline, its first open stage, the actor
 * as owner, the stage's probability. Writes the base amount at today's rate, the first stage
 * history row, the timeline entry on the customer, and the big-deal alert. The caller checks the
 * permission (opportunities.create, or leads.convert); problems are field-level 400s.
 */
export async function createOpportunityInTrx(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  input: z.output<typeof opportunityCreate>,
  extra: { leadId?: number | null; source?: string | null; at: string },
): Promise<number> {
  const { at } = extra;
  const problems = new Problems();
  // A merge of the customer at the same time either ran first (then it is gone) or waits and moves this deal too.
  await lockCustomers(trx, ctx.engine, [input.customerId]);
  const customer = await findVisible(trx, actor, input.customerId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!customer) problems.add('customerId', 'unknownCustomer');
  const target = await resolveStage(trx, input.pipelineId, input.stageId, problems);
  if (target && target.stage.kind !== 'open') problems.add('stageId', 'opportunityStartsOpen');
  const ownerId = input.ownerId ?? actor.userId;
  await checkDealOwner(ctx, trx, actor, ownerId, problems);
  const { value: settings } = await readSalesSettings(trx);
  const amountBase = toBase(settings, input.amount, input.currency, problems);
  if (customer) await checkContacts(trx, actor, customer.id, input.contacts ?? [], problems);
  problems.throwIfAny();
  if (!target || !customer || amountBase === null) throw new Error('checked above');

  const { stage } = target;
  const values: repo.NewOpportunityRow = {
    name: input.name,
    customer_id: customer.id,
    pipeline_id: stage.pipeline_id,
    stage_id: stage.id,
    status: 'open',
    owner_id: ownerId,
    amount: input.amount,
    currency: input.currency,
    amount_base: amountBase,
    probability: input.probability ?? stage.probability,
    expected_close_date: input.expectedCloseDate,
    forecast_category: input.forecastCategory,
    forecast_month: monthOf(input.expectedCloseDate),
    source: input.source !== undefined ? input.source : (extra.source ?? null),
    lead_id: extra.leadId ?? null,
    competitors: JSON.stringify([...new Set(input.competitors ?? [])]),
    next_step: input.nextStep ?? null,
    description: input.description ?? null,
    won_amount: null,
    won_amount_base: null,
    lost_reason: null,
    lost_note: null,
    closed_on: null,
    stage_entered_at: at,
    search: searchKeyOf(input.name),
    deleted_at: null,
    deleted_by: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: actor.userId,
    updated_by: actor.userId,
  };
  const id = await repo.insert(trx, values);
  await repo.replaceContacts(trx, id, input.contacts ?? []);
  await repo.enterStage(trx, { opportunityId: id, pipelineId: stage.pipeline_id, stageId: stage.id, fromStageId: null, at, by: actor.userId });
  await recordChange(trx, {
    entityType: 'opportunity', entityId: id, customerId: customer.id, action: 'create', actorId: actor.userId, at, label: input.name,
    changes: [{ field: 'stage', old: null, new: stageLabel(stage) }, { field: 'amount', old: null, new: input.amount }, { field: 'currency', old: null, new: input.currency }],
  });
  await alertBigDeal(ctx, trx, actor, { id, name: input.name, owner_id: ownerId, amount_base: amountBase }, stage, at);
  return id;
}

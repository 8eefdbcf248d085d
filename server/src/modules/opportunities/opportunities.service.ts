import type {
  ListResponse,
  Opportunity,
  StageHistoryEntry,
  TransferResult,
  opportunityCreate,
  opportunityListQuery,
  opportunityMove,
  opportunityTransfer,
  opportunityUpdate,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, notFound, type AppError } from '../../platform/errors.js';
import { searchKeyOf } from '../../platform/search.js';
import { diffRecords, recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import { presentOpportunity, utcDate, type PresentContext } from './opportunities.presenter.js';
import * as repo from './opportunities.repository.js';
import {
  Problems,
  afterStageMove,
  checkContacts,
  checkDealOwner,
  createOpportunityInTrx,
  monthOf,
  resolveStage,
  stageMap,
  stageMove,
  toBase,
  type StageMove,
} from './opportunities.write.js';
import type { StageRow } from './pipelines.repository.js';
import { isActiveLostReason, readSalesSettings } from './sales-settings.js';

type Db = AppContext['db'];
export type ListFilters = Omit<z.output<typeof opportunityListQuery>, 'page' | 'pageSize' | 'sort'>;

/** The data scope of deals: deals always have an owner, so there is no pool to include. */
export function opportunityScope(actor: Actor) {
  return ownerScope(actor, 'opportunities');
}

/** A list query's filters as the repository takes them (shared by the table and the board). */
export function filterOf(ctx: AppContext, actor: Actor, q: ListFilters): repo.OpportunityFilter {
  return {
    scope: opportunityScope(actor),
    today: utcDate(ctx.clock.now()),
    q: q.q,
    pipelineId: q.pipelineId,
    stageId: q.stageId,
    status: q.status,
    ownerId: q.ownerId,
    departmentId: q.departmentId,
    customerId: q.customerId,
    closeFrom: q.closeFrom,
    closeTo: q.closeTo,
    amountMin: q.amountMin,
    amountMax: q.amountMax,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    forecastCategory: q.forecastCategory,
    forecastMonth: q.forecastMonth,
  };
}

/** What presenting rows needs (inside a transaction pass its handle as `db`). */
export async function presentContext(ctx: AppContext, actor: Actor, ownerIds: Iterable<number>, db: Db = ctx.db): Promise<PresentContext> {
  const [stages, names, settings] = await Promise.all([stageMap(db), userNames(ctx, ownerIds, db), readSalesSettings(db)]);
  return { stages, names, bigDealAmount: settings.value.bigDealAmount, today: utcDate(ctx.clock.now()), actor };
}

async function present(ctx: AppContext, actor: Actor, rows: repo.OpportunityView[], db: Db = ctx.db): Promise<Opportunity[]> {
  const pc = await presentContext(ctx, actor, rows.map((r) => r.owner_id), db);
  return rows.map((r) => presentOpportunity(r, pc));
}

async function presentOne(ctx: AppContext, actor: Actor, row: repo.OpportunityView, db: Db = ctx.db): Promise<Opportunity> {
  const pc = await presentContext(ctx, actor, [row.owner_id], db);
  return presentOpportunity(row, pc, await repo.contactsOf(db, row.id));
}

export async function listOpportunities(ctx: AppContext, actor: Actor, query: z.output<typeof opportunityListQuery>): Promise<ListResponse<Opportunity>> {
  authorize(actor, 'opportunities.view');
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as repo.SortKey;
  const { rows, total } = await repo.list(ctx.db, filterOf(ctx, actor, query), { key, desc }, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The 409 of a write whose version check failed, with the deal as committed now (read after the failed update). */
async function staleDeal(ctx: AppContext, actor: Actor, id: number, db: Db): Promise<AppError> {
  const row = await repo.findById(db, id, opportunityScope(actor));
  return row ? conflict(await presentOne(ctx, actor, row, db)) : notFound();
}

/** A live deal the actor may see, or NOT_FOUND (never FORBIDDEN: existence is not revealed). */
async function findVisible(db: Db, actor: Actor, id: number): Promise<repo.OpportunityView> {
  const row = await repo.findById(db, id, opportunityScope(actor));
  if (!row) throw notFound();
  return row;
}

/** A live deal the actor may see, for other modules (quotes): its id, customer and name; undefined when hidden or missing. */
export async function findVisibleDeal(db: Db, actor: Actor, id: number): Promise<{ id: number; customerId: number; name: string } | undefined> {
  const row = await repo.findById(db, id, opportunityScope(actor));
  return row ? { id: row.id, customerId: row.customer_id, name: row.name } : undefined;
}

export async function getOpportunity(ctx: AppContext, actor: Actor, id: number): Promise<Opportunity> {
  authorize(actor, 'opportunities.view');
  return presentOne(ctx, actor, await findVisible(ctx.db, actor, id));
}

export async function createOpportunity(ctx: AppContext, actor: Actor, input: z.output<typeof opportunityCreate>): Promise<Opportunity> {
  authorize(actor, 'opportunities.create');
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute((trx) => createOpportunityInTrx(ctx, trx, actor, input, { at }));
  return getOpportunity(ctx, actor, id);
}

/** The fields an edit compares for its timeline entry (stage and owner have entries of their own). */
const editedFields = ['name', 'amount', 'currency', 'probability', 'expectedCloseDate', 'forecastCategory', 'source', 'competitors', 'nextStep', 'description', 'wonAmount', 'lostReason', 'lostNote', 'contacts'] as const;

function editView(row: repo.OpportunityRow, contacts: Array<{ contactId: number; role: string }>): Record<string, unknown> {
  return {
    name: row.name,
    amount: Number(row.amount),
    currency: row.currency,
    probability: row.probability,
    expectedCloseDate: row.expected_close_date,
    forecastCategory: row.forecast_category,
    source: row.source,
    competitors: JSON.parse(row.competitors) as string[],
    nextStep: row.next_step,
    description: row.description,
    wonAmount: row.won_amount === null ? null : Number(row.won_amount),
    lostReason: row.lost_reason,
    lostNote: row.lost_note,
    contacts: contacts.map((c) => `${c.contactId}:${c.role}`).sort(),
  };
}

/**
 * Change a deal. A stage change behaves as a move (won needs the final amount, lost a reason,
 * back to open reopens); an owner change needs opportunities.assign and notifies the new owner.
 */
export async function updateOpportunity(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof opportunityUpdate>): Promise<Opportunity> {
  authorize(actor, 'opportunities.edit');
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    const { value: settings } = await readSalesSettings(trx);
    const problems = new Problems();
    const ownerChanged = input.ownerId !== undefined && input.ownerId !== row.owner_id;
    if (input.ownerId !== undefined && ownerChanged) await checkDealOwner(ctx, trx, actor, input.ownerId, problems);

    const stages = await stageMap(trx);
    const from = stages.get(row.stage_id);
    let to: StageRow | undefined;
    if ((input.pipelineId !== undefined && input.pipelineId !== row.pipeline_id) || (input.stageId !== undefined && input.stageId !== row.stage_id)) {
      const target = await resolveStage(trx, input.pipelineId ?? row.pipeline_id, input.stageId, problems);
      if (target && target.stage.id !== row.stage_id) to = target.stage;
    }
    const changes: Partial<repo.OpportunityRow> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.amount !== undefined || input.currency !== undefined) {
      const amount = input.amount ?? Number(row.amount);
      const currency = input.currency ?? row.currency;
      const base = toBase(settings, amount, currency, problems);
      Object.assign(changes, { amount, currency, ...(base !== null ? { amount_base: base } : {}) });
    }
    if (input.probability !== undefined) changes.probability = input.probability;
    if (input.expectedCloseDate !== undefined) {
      changes.expected_close_date = input.expectedCloseDate;
      if (row.status === 'open') changes.forecast_month = monthOf(input.expectedCloseDate);
    }
    if (input.forecastCategory !== undefined) changes.forecast_category = input.forecastCategory;
    if (input.source !== undefined) changes.source = input.source;
    if (input.competitors !== undefined) changes.competitors = JSON.stringify([...new Set(input.competitors)]);
    if (input.nextStep !== undefined) changes.next_step = input.nextStep;
    if (input.description !== undefined) changes.description = input.description;
    if (ownerChanged && input.ownerId !== undefined) changes.owner_id = input.ownerId;
    // The closing fields of a deal that stays won or lost may be corrected; other states ignore them.
    if (!to && row.status === 'won' && input.wonAmount !== undefined) {
      const rate = Number(row.amount) > 0 ? Number(row.amount_base) / Number(row.amount) : 1;
      Object.assign(changes, { won_amount: input.wonAmount, won_amount_base: Math.round(input.wonAmount * rate) });
    }
    if (!to && row.status === 'lost') {
      if (input.lostReason !== undefined) {
        if (!isActiveLostReason(settings, input.lostReason)) problems.add('lostReason', 'opportunityUnknownLostReason');
        changes.lost_reason = input.lostReason;
      }
      if (input.lostNote !== undefined) changes.lost_note = input.lostNote;
    }
    if (input.contacts !== undefined) {
      const kept = new Set((await repo.contactsOf(trx, id)).map((c) => c.contact_id));
      await checkContacts(trx, actor, row.customer_id, input.contacts, problems, kept);
    }
    const move: StageMove | null = to
      ? stageMove({ ...row, ...changes }, from, to, { wonAmount: input.wonAmount, lostReason: input.lostReason, lostNote: input.lostNote, probability: input.probability }, settings, now, problems)
      : null;
    problems.throwIfAny();

    const oldContacts = (await repo.contactsOf(trx, id)).map((c) => ({ contactId: c.contact_id, role: c.role }));
    const next = { ...row, ...changes, ...(move?.changes ?? {}) };
    const edits = diffRecords(editView(row, oldContacts), editView(next, input.contacts ?? oldContacts), editedFields).filter(
      // What the stage move itself sets is told by its own entry.
      (c) => !move || !['probability', 'wonAmount', 'lostReason', 'lostNote'].includes(c.field),
    );
    if (edits.length === 0 && !move && !ownerChanged) return; // nothing changed: no new version
    if (changes.name !== undefined) changes.search = searchKeyOf(changes.name);
    if (!(await repo.update(trx, id, input.version, { ...changes, ...(move?.changes ?? {}), updated_at: at, updated_by: actor.userId }))) {
      throw await staleDeal(ctx, actor, id, trx);
    }
    if (input.contacts !== undefined) await repo.replaceContacts(trx, id, input.contacts);
    if (edits.length > 0) {
      await recordChange(trx, { entityType: 'opportunity', entityId: id, customerId: row.customer_id, action: 'update', actorId: actor.userId, at, label: next.name, changes: edits });
    }
    if (ownerChanged) await recordAssignment(trx, actor, next, row.owner_id, at);
    if (move && to) await afterStageMove(ctx, trx, actor, next, from, to, move, at);
  });
  return getOpportunity(ctx, actor, id);
}

async function recordAssignment(db: Db, actor: Actor, row: Pick<repo.OpportunityRow, 'id' | 'name' | 'customer_id' | 'owner_id'>, oldOwner: number, at: string): Promise<void> {
  await recordChange(db, {
    entityType: 'opportunity', entityId: row.id, customerId: row.customer_id, action: 'assign', actorId: actor.userId, at, label: row.name,
    changes: [{ field: 'ownerId', old: oldOwner, new: row.owner_id }],
  });
  if (row.owner_id !== actor.userId) {
    await notify(db, { userId: row.owner_id, kind: 'opportunity_assigned', params: { actor: actor.name, deal: row.name }, entityType: 'opportunity', entityId: row.id, at });
  }
}

/** The board's drag and drop: move a deal to another stage of its pipeline, with a version check. */
export async function moveOpportunity(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof opportunityMove>): Promise<Opportunity> {
  authorize(actor, 'opportunities.edit');
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    const stages = await stageMap(trx);
    const to = stages.get(input.stageId);
    const problems = new Problems();
    if (!to || to.pipeline_id !== row.pipeline_id || to.active !== 1) {
      problems.add('stageId', 'opportunityUnknownStage');
      problems.throwIfAny();
      return;
    }
    if (to.id === row.stage_id) return; // dropped where it was
    const { value: settings } = await readSalesSettings(trx);
    const from = stages.get(row.stage_id);
    const move = stageMove(row, from, to, input, settings, now, problems);
    problems.throwIfAny();
    if (!(await repo.update(trx, id, input.version, { ...move.changes, updated_at: at, updated_by: actor.userId }))) {
      throw await staleDeal(ctx, actor, id, trx);
    }
    await afterStageMove(ctx, trx, actor, { ...row, ...move.changes }, from, to, move, at);
  });
  return getOpportunity(ctx, actor, id);
}

export async function deleteOpportunity(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'opportunities.delete');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two deletes at once the second waits here, then finds nothing to delete.
    await repo.lock(trx, ctx.engine, id);
    const row = await findVisible(trx, actor, id);
    await repo.setFields(trx, id, { deleted_at: at, deleted_by: actor.userId, updated_at: at, updated_by: actor.userId });
    await recordChange(trx, { entityType: 'opportunity', entityId: id, customerId: row.customer_id, action: 'delete', actorId: actor.userId, at, label: row.name });
  });
}

/** Give deals (1 to 500) to one user: all of them or none; the new owner is notified. */
export async function transferOpportunities(ctx: AppContext, actor: Actor, input: z.output<typeof opportunityTransfer>): Promise<TransferResult> {
  authorize(actor, 'opportunities.assign');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const problems = new Problems();
    await checkDealOwner(ctx, trx, actor, input.ownerId, problems);
    const ids = [...new Set(input.opportunityIds)];
    const rows = await repo.visibleByIds(trx, ids, opportunityScope(actor));
    const found = new Set(rows.map((r) => r.id));
    input.opportunityIds.forEach((oid, index) => {
      if (!found.has(oid)) problems.add(`opportunityIds.${index}`, 'opportunityUnknownOpportunity');
    });
    problems.throwIfAny();
    const moving = rows.filter((r) => r.owner_id !== input.ownerId);
    for (const row of moving) {
      if (!(await repo.update(trx, row.id, row.version, { owner_id: input.ownerId, updated_at: at, updated_by: actor.userId }))) throw conflict(undefined);
      await recordAssignment(trx, actor, { ...row, owner_id: input.ownerId }, row.owner_id, at);
    }
    return { moved: moving.length };
  });
}

/** When the deal entered and left each stage, and the whole hours it spent there (until now while in it). */
export async function getStageHistory(ctx: AppContext, actor: Actor, id: number): Promise<{ items: StageHistoryEntry[] }> {
  authorize(actor, 'opportunities.view');
  await findVisible(ctx.db, actor, id);
  const rows = await repo.stageHistoryOf(ctx.db, id);
  const [stages, names] = await Promise.all([stageMap(ctx.db), userNames(ctx, rows.map((r) => r.entered_by))]);
  const now = ctx.clock.now().getTime();
  return {
    items: rows.map((r) => {
      const stage = stages.get(r.stage_id);
      const until = r.left_at ? new Date(r.left_at).getTime() : now;
      return {
        id: r.id,
        stageId: r.stage_id,
        stageNameZh: stage?.name_zh ?? '',
        stageNameEn: stage?.name_en ?? '',
        fromStageId: r.from_stage_id,
        enteredAt: r.entered_at,
        leftAt: r.left_at,
        hours: Math.max(0, Math.floor((until - new Date(r.entered_at).getTime()) / 3_600_000)),
        enteredBy: r.entered_by,
        enteredByName: r.entered_by !== null ? (names.get(r.entered_by) ?? null) : null,
      };
    }),
  };
}

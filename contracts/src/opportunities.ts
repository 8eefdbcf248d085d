import { z } from 'zod';
import { id, isoDate, listOf, pageQuery, queryInt, recordMeta, settingsVersion, versionField } from './common.js';
import { leadSourceKey } from './leads.js';
import { multiline } from './text.js';

/**
 * Opportunities (商机) move through the stages of a pipeline (DOMAIN.md section 6). Money is in
 * minor units with its currency; `amountBase` is the amount in the company's base currency at the
 * rate set when it was written, and every sum (board, forecast) uses it.
 */

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { message: 'currency' });

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];
export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];
export const forecastCategories = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
export type ForecastCategory = (typeof forecastCategories)[number];
export const contactRoles = ['decision_maker', 'economic_buyer', 'technical_buyer', 'influencer', 'user', 'champion', 'other'] as const;
export type ContactRole = (typeof contactRoles)[number];

export const stage = z.object({
  id: z.number().int(),
  pipelineId: z.number().int(),
  key: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  kind: z.enum(stageKinds),
  guidance: z.string().nullable(),
  active: z.boolean(),
});
export type Stage = z.infer<typeof stage>;

export const pipeline = z.object({
  ...recordMeta,
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  /** In board order: the open stages, then won, then lost. */
  stages: z.array(stage),
});
export type Pipeline = z.infer<typeof pipeline>;
export const pipelineList = z.object({ items: z.array(pipeline) });

export const stageWrite = z
  .object({
    /** Absent for a new stage. */
    id: z.number().int().positive().max(2_147_483_647).optional(),
    nameZh: z.string().trim().min(1).max(60),
    nameEn: z.string().trim().min(1).max(60),
    probability: z.number().int().min(0).max(100),
    kind: z.enum(stageKinds).default('open'),
    guidance: multiline(2000).optional(),
  })
  .strict();
/**
 * POST /pipelines and PATCH /pipelines/:id: the stages in order, exactly one `won` and one `lost`.
 * A stage left out of a PATCH is deactivated (kept for the deals and history that name it); a
 * stage that still holds open deals cannot be left out.
 */
export const pipelineCreate = z
  .object({
    name: z.string().trim().min(1).max(80),
    isDefault: z.boolean().default(false),
    stages: z.array(stageWrite).min(3).max(30),
  })
  .strict();
export type PipelineCreate = z.input<typeof pipelineCreate>;
export const pipelineUpdate = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    isDefault: z.boolean().optional(),
    active: z.boolean().optional(),
    stages: z.array(stageWrite).min(3).max(30).optional(),
    version: z.number().int().positive().max(2_147_483_647),
  })
  .strict();
export type PipelineUpdate = z.input<typeof pipelineUpdate>;

export const opportunityContact = z.object({
  contactId: z.number().int(),
  name: z.string(),
  role: z.enum(contactRoles),
});
export const opportunityContactWrite = z.object({ contactId: z.number().int().positive().max(2_147_483_647), role: z.enum(contactRoles) }).strict();

const competitor = z.string().trim().min(1).max(60);

const opportunityFields = {
  name: z.string().trim().min(1).max(120),
  customerId: z.number().int().positive().max(2_147_483_647),
  pipelineId: z.number().int().positive().max(2_147_483_647),
  stageId: z.number().int().positive().max(2_147_483_647),
  ownerId: z.number().int().positive().max(2_147_483_647),
  amount: z.number().int().min(0).max(1e15),
  currency: currencyCode,
  /** 0-100; defaults to the stage's probability and follows it when the stage changes. */
  probability: z.number().int().min(0).max(100),
  expectedCloseDate: isoDate,
  forecastCategory: z.enum(forecastCategories),
  source: leadSourceKey.nullable(),
  competitors: z.array(competitor).max(20),
  nextStep: multiline(500),
  description: multiline(4000),
  contacts: z.array(opportunityContactWrite).max(50),
};

/** POST /opportunities. Defaults: the default pipeline's first stage, the caller as owner, CNY. */
export const opportunityCreate = z
  .object({ ...opportunityFields, currency: currencyCode.default('CNY'), forecastCategory: opportunityFields.forecastCategory.default('pipeline') })
  .partial({ pipelineId: true, stageId: true, ownerId: true, probability: true, source: true, competitors: true, nextStep: true, description: true, contacts: true })
  .strict();
export type OpportunityCreate = z.input<typeof opportunityCreate>;

/**
 * PATCH /opportunities/:id. Moving to a won stage needs `wonAmount`, to a lost stage needs
 * `lostReason` (or use /won and /lost); moving out of won/lost reopens the deal.
 */
export const opportunityUpdate = z
  .object({
    ...opportunityFields,
    wonAmount: z.number().int().min(0).max(1e15),
    lostReason: z.string().trim().min(1).max(60),
    lostNote: multiline(500),
  })
  .omit({ customerId: true })
  .partial()
  .extend(versionField)
  .strict();
export type OpportunityUpdate = z.input<typeof opportunityUpdate>;

/** POST /opportunities/:id/move: the board's drag and drop. */
export const opportunityMove = z
  .object({
    stageId: z.number().int().positive().max(2_147_483_647),
    version: z.number().int().positive().max(2_147_483_647),
    wonAmount: z.number().int().min(0).max(1e15).optional(),
    lostReason: z.string().trim().min(1).max(60).optional(),
    lostNote: multiline(500).optional(),
  })
  .strict();
export type OpportunityMove = z.input<typeof opportunityMove>;

/** POST /opportunities/transfer */
export const opportunityTransfer = z
  .object({ opportunityIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500), ownerId: z.number().int().positive().max(2_147_483_647) })
  .strict();
export type OpportunityTransfer = z.input<typeof opportunityTransfer>;

export const opportunity = z.object({
  ...recordMeta,
  name: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  pipelineId: z.number().int(),
  stageId: z.number().int(),
  stageKey: z.string().nullable(),
  stageNameZh: z.string(),
  stageNameEn: z.string(),
  status: z.enum(opportunityStatuses),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  amountBase: z.number().int(),
  probability: z.number().int(),
  /** amountBase × probability / 100, rounded. */
  weightedAmount: z.number().int(),
  expectedCloseDate: z.string(),
  forecastCategory: z.enum(forecastCategories),
  source: z.string().nullable(),
  leadId: z.number().int().nullable(),
  competitors: z.array(z.string()),
  nextStep: z.string().nullable(),
  description: z.string().nullable(),
  wonAmount: z.number().int().nullable(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  stageEnteredAt: z.string(),
  /** Open and its expected close date is before today. */
  overdue: z.boolean(),
  /** At or above the big-deal amount of the settings. */
  bigDeal: z.boolean(),
  /** Filled on the single-record read; empty in lists. */
  contacts: z.array(opportunityContact),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), assign: z.boolean() }),
});
export type Opportunity = z.infer<typeof opportunity>;
export const opportunityList = listOf(opportunity);

export const opportunitySorts = [
  'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'amount', '-amount', 'expectedCloseDate', '-expectedCloseDate', 'name', '-name',
] as const;

/** Filters shared by the table, the board and the forecast's drill-down. */
export const opportunityFilters = {
  q: pageQuery.q,
  pipelineId: id.optional(),
  stageId: id.optional(),
  status: z.enum(opportunityStatuses).optional(),
  ownerId: id.optional(),
  /** The owners in this department and the departments below it. */
  departmentId: id.optional(),
  customerId: id.optional(),
  closeFrom: isoDate.optional(),
  closeTo: isoDate.optional(),
  amountMin: queryInt(0, 1e15).optional(),
  amountMax: queryInt(0, 1e15).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  forecastCategory: z.enum(forecastCategories).optional(),
  /** YYYY-MM: deals that count in this month of the forecast. */
  forecastMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
};
export const opportunityListQuery = z
  .object({ ...opportunityFilters, page: pageQuery.page, pageSize: pageQuery.pageSize, sort: z.enum(opportunitySorts).default('-updatedAt') })
  .strict();
export type OpportunityListQuery = z.input<typeof opportunityListQuery>;

/** GET /opportunities/board: one column per active stage of a pipeline (the default one when absent). */
export const opportunityBoardQuery = z
  .object({ ...opportunityFilters, perStage: queryInt(1, 100).default(20) })
  .strict();
export type OpportunityBoardQuery = z.input<typeof opportunityBoardQuery>;
export const boardColumn = z.object({
  stage: stage,
  count: z.number().int(),
  /** Sum of amountBase. */
  amount: z.number().int(),
  weightedAmount: z.number().int(),
  /** The first `perStage` cards, by expected close date; more through the list with `stageId`. */
  items: z.array(opportunity),
});
export const opportunityBoard = z.object({ pipeline: pipeline, baseCurrency: z.string(), columns: z.array(boardColumn) });
export type OpportunityBoard = z.infer<typeof opportunityBoard>;

export const stageHistoryEntry = z.object({
  id: z.number().int(),
  stageId: z.number().int(),
  stageNameZh: z.string(),
  stageNameEn: z.string(),
  fromStageId: z.number().int().nullable(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  /** Whole hours in the stage (until now while still in it). */
  hours: z.number().int(),
  enteredBy: z.number().int().nullable(),
  enteredByName: z.string().nullable(),
});
export const stageHistory = z.object({ items: z.array(stageHistoryEntry) });
export type StageHistoryEntry = z.infer<typeof stageHistoryEntry>;

/**
 * GET /forecast: for each month in [from, to] (at most 24) and each owner or department, the
 * figures of the deals that count in that month, in the base currency:
 * - pipeline: open deals' amounts (forecast category other than omitted);
 * - weighted: open deals' amount × probability;
 * - bestCase: open deals in best_case or commit; commit: open deals in commit;
 * - won: won deals' final amounts.
 */
export const forecastQuery = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}$/, { message: 'YYYY-MM' }),
    to: z.string().regex(/^\d{4}-\d{2}$/, { message: 'YYYY-MM' }),
    groupBy: z.enum(['owner', 'department']).default('owner'),
    pipelineId: id.optional(),
    departmentId: id.optional(),
    ownerId: id.optional(),
  })
  .strict();
export type ForecastQuery = z.input<typeof forecastQuery>;
export const forecastFigures = z.object({
  pipeline: z.number().int(),
  weighted: z.number().int(),
  bestCase: z.number().int(),
  commit: z.number().int(),
  won: z.number().int(),
  openCount: z.number().int(),
  wonCount: z.number().int(),
});
export type ForecastFigures = z.infer<typeof forecastFigures>;
export const forecastRow = z.object({
  month: z.string(),
  /** Owner or department id (null: users without a department). */
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  ...forecastFigures.shape,
});
export const forecast = z.object({
  baseCurrency: z.string(),
  months: z.array(z.string()),
  rows: z.array(forecastRow),
  /** Per month, all groups together. */
  totals: z.array(z.object({ month: z.string(), ...forecastFigures.shape })),
});
export type Forecast = z.infer<typeof forecast>;

/** Settings: lost reasons, the big-deal amount, currencies. */
export const lostReason = z
  .object({ key: leadSourceKey, labelZh: z.string().trim().min(1).max(60), labelEn: z.string().trim().min(1).max(60), active: z.boolean().default(true) })
  .strict();
export type LostReason = z.output<typeof lostReason>;
export const salesSettings = z
  .object({
    lostReasons: z.array(lostReason).min(1).max(100),
    /** Deals of at least this amount (base currency, minor units) notify the owner's manager; null = off. */
    bigDealAmount: z.number().int().min(1).max(1e15).nullable(),
    baseCurrency: currencyCode,
    /** Units of base currency per unit of each other currency, e.g. { USD: 7.1 }. */
    rates: z.record(currencyCode, z.number().positive().max(1e6)),
  })
  .strict();
export type SalesSettings = z.output<typeof salesSettings>;
export const salesSettingsState = salesSettings.extend({ version: z.number().int() });
export type SalesSettingsState = z.infer<typeof salesSettingsState>;
export const salesSettingsUpdate = salesSettings.extend({ version: settingsVersion }).strict();
export type SalesSettingsUpdate = z.input<typeof salesSettingsUpdate>;

/**
 * GET /opportunities/stage-stats: conversion between stages and time in stage, from the stage
 * history of the deals in the caller's data scope. The window applies to when a deal entered a
 * stage (UTC dates, both included; by default the 12 months up to today); the pipeline is the
 * default one when absent.
 */
export const stageStatsQuery = z
  .object({
    pipelineId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ownerId: id.optional(),
    /** The owners in this department and the departments below it. */
    departmentId: id.optional(),
  })
  .strict();
export type StageStatsQuery = z.input<typeof stageStatsQuery>;
/** GET /opportunities/stage-stats/export: the report's filters, and the file's format. */
export const stageStatsExportQuery = stageStatsQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
export type StageStatsExportQuery = z.input<typeof stageStatsExportQuery>;

/**
 * One step of the funnel. Of the `entered` deals, each counts in at most one of `advanced`
 * (later reached a stage further down: a later open stage or won), `stillThere` (sits in this
 * stage now) and `lost` (later lost); deals moved back to an earlier stage count in none.
 */
export const stageStatsRow = z.object({
  stage: stage,
  /** Deals that entered the stage within the window. */
  entered: z.number().int(),
  advanced: z.number().int(),
  lost: z.number().int(),
  stillThere: z.number().int(),
  /** advanced / entered in percent, one decimal; 0 when none entered. */
  conversion: z.number().min(0).max(100),
  /** Stays in this stage, entered within the window, that ended: what the hours below are worked out from. */
  ended: z.number().int(),
  /** Mean and median hours (rounded) of those stays; 0 when none ended. */
  avgHours: z.number().int(),
  medianHours: z.number().int(),
});
export type StageStatsRow = z.infer<typeof stageStatsRow>;
/** The open stages in pipeline order, then the won stage (the lost stage is no step: see `lost`). */
export const stageStats = z.object({
  pipelineId: z.number().int(),
  from: z.string(),
  to: z.string(),
  stages: z.array(stageStatsRow),
});
export type StageStats = z.infer<typeof stageStats>;

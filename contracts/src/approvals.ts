import { z } from 'zod';
import { id, int4Max, listOf, pageQuery, recordMeta, versionField } from './common.js';
import { fenAmount, percent } from './products.js';
import { multiline } from './text.js';

/**
 * Approvals (审批). An administrator defines approval flows per kind of record (a quote today; a
 * contract when the contracts module registers its kind): when a flow's conditions hold, the
 * record waits for its steps' approvers, one step after another, before it can be sent or signed.
 *
 * Record types are not a fixed list here: the server keeps a registry that each module fills
 * (registerApprovalRecordType), so a new kind of record needs no change to this file.
 */

/** A record type's key as the API carries it ('quote', 'contract'); the server checks it is registered. */
export const approvalRecordType = z.string().regex(/^[a-z][a-z_]{0,29}$/, { message: 'approvalUnknownRecordType' });

/**
 * Credit standings from best to worst for the "credit worse than" condition; a customer whose
 * standing is unknown or not recorded counts as the worst (nobody vouched for it).
 */
export const creditRanking = ['good', 'fair', 'poor', 'unknown'] as const;
export type CreditRank = (typeof creditRanking)[number];

/** One condition of a flow. A flow matches when any (or all, see `match`) of its conditions hold; none: always. */
export const approvalCondition = z.discriminatedUnion('kind', [
  /** The largest line discount is above `percent` (strictly: 10 does not match a 10 % discount). */
  z.object({ kind: z.literal('discount_above'), percent }).strict(),
  /** The record's total (fen, tax included) is above `amount` (strictly). */
  z.object({ kind: z.literal('amount_above'), amount: fenAmount }).strict(),
  /** The customer's credit standing is worse than `standing` (unknown is the worst). */
  z.object({ kind: z.literal('credit_below'), standing: z.enum(['good', 'fair', 'poor']) }).strict(),
  /** Open receivables plus this amount are above the customer's credit limit (customers without a limit never match). */
  z.object({ kind: z.literal('over_credit_limit') }).strict(),
]);
export type ApprovalCondition = z.infer<typeof approvalCondition>;
export const approvalConditionKinds = ['discount_above', 'amount_above', 'credit_below', 'over_credit_limit'] as const;

const refId = z.number().int().positive().max(int4Max);
/** Who approves a step: a named user, the record owner's manager (up the department tree), or any holder of a role. */
export const approvalStepWrite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: refId }).strict(),
  z.object({ kind: z.literal('manager') }).strict(),
  z.object({ kind: z.literal('role'), roleId: refId }).strict(),
]);
export type ApprovalStepWrite = z.infer<typeof approvalStepWrite>;
export const approvalStepKinds = ['user', 'manager', 'role'] as const;
export type ApprovalStepKind = (typeof approvalStepKinds)[number];

export const approvalMatchModes = ['any', 'all'] as const;
/** The most conditions and steps a flow may have. */
export const approvalFlowLimits = { conditions: 10, steps: 10 } as const;

const flowFields = {
  name: z.string().trim().min(1).max(80),
  recordType: approvalRecordType,
  active: z.boolean(),
  /** Lower first: the first active matching flow of a record type is the one that applies. */
  priority: z.number().int().min(0).max(10_000),
  match: z.enum(approvalMatchModes),
  conditions: z.array(approvalCondition).max(approvalFlowLimits.conditions),
  steps: z.array(approvalStepWrite).min(1).max(approvalFlowLimits.steps),
};

/** POST /approval-flows (approvals.admin). */
export const approvalFlowCreate = z
  .object({ ...flowFields, active: flowFields.active.default(true), priority: flowFields.priority.default(100), match: flowFields.match.default('any'), conditions: flowFields.conditions.default([]) })
  .strict();
export type ApprovalFlowCreate = z.input<typeof approvalFlowCreate>;
/** PATCH /approval-flows/:id: requests already submitted keep the steps they were given. */
export const approvalFlowUpdate = z.object(flowFields).partial().extend(versionField).strict();
export type ApprovalFlowUpdate = z.input<typeof approvalFlowUpdate>;

export const approvalStepDefinition = z.object({
  kind: z.enum(approvalStepKinds),
  userId: z.number().int().nullable(),
  roleId: z.number().int().nullable(),
  /** The user's or the role's name (null for the manager step, or when it is gone). */
  name: z.string().nullable(),
});

export const approvalFlow = z.object({
  ...recordMeta,
  name: z.string(),
  recordType: z.string(),
  active: z.boolean(),
  priority: z.number().int(),
  match: z.enum(approvalMatchModes),
  conditions: z.array(approvalCondition),
  steps: z.array(approvalStepDefinition),
  /** Requests made with this flow: a flow in use is deactivated, not deleted. */
  requestCount: z.number().int(),
});
export type ApprovalFlow = z.infer<typeof approvalFlow>;
/** The flows, and the record types that can have them (registered on the server). */
export const approvalFlowList = listOf(approvalFlow).extend({ recordTypes: z.array(z.string()) });
export type ApprovalFlowList = z.infer<typeof approvalFlowList>;
export const approvalFlowQuery = z
  .object({ page: pageQuery.page, pageSize: pageQuery.pageSize, recordType: approvalRecordType.optional() })
  .strict();

export const approvalRequestStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];
export const approvalStepStatuses = ['waiting', 'pending', 'approved', 'rejected'] as const;
export type ApprovalStepStatus = (typeof approvalStepStatuses)[number];

export const approvalStep = z.object({
  position: z.number().int(),
  kind: z.enum(approvalStepKinds),
  userId: z.number().int().nullable(),
  roleId: z.number().int().nullable(),
  /** Who approves: the user's name, or the role's name (as they were when submitted). */
  approverName: z.string().nullable(),
  status: z.enum(approvalStepStatuses),
  /** When the request reached this step. */
  startedAt: z.string().nullable(),
  decidedBy: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ApprovalStep = z.infer<typeof approvalStep>;

export const approvalRequest = z.object({
  id: z.number().int(),
  version: z.number().int(),
  recordType: z.string(),
  recordId: z.number().int(),
  /** The record as it was submitted: number, title, customer, amount (fen). */
  recordNumber: z.string(),
  recordTitle: z.string(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  flowId: z.number().int(),
  flowName: z.string(),
  status: z.enum(approvalRequestStatuses),
  /** The step waiting for a decision (1-based), null once decided or cancelled. */
  currentStep: z.number().int().nullable(),
  steps: z.array(approvalStep),
  submittedBy: z.number().int(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  /** Since when the current step waits. */
  waitingSince: z.string().nullable(),
  decidedAt: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type ApprovalRequest = z.infer<typeof approvalRequest>;

export const approvalRequirement = z.object({ flowId: z.number().int(), flowName: z.string() });
export type ApprovalRequirement = z.infer<typeof approvalRequirement>;
/**
 * GET /approvals. With recordType and recordId: that record's requests (newest first) and
 * `requirement`, the flow that applies to it now (null: it may be sent without approval).
 */
export const approvalList = listOf(approvalRequest).extend({ requirement: approvalRequirement.nullable().optional() });
export type ApprovalList = z.infer<typeof approvalList>;

export const approvalMineFilters = ['pending', 'submitted'] as const;
export const approvalListQuery = z
  .object({
    /** pending: waiting for my decision; submitted: the requests I submitted. Absent: every request I may see. */
    mine: z.enum(approvalMineFilters).optional(),
    recordType: approvalRecordType.optional(),
    recordId: id.optional(),
    status: z.enum(approvalRequestStatuses).optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
  })
  .strict();
export type ApprovalListQuery = z.input<typeof approvalListQuery>;

export const approvalDecisions = ['approve', 'reject'] as const;
export type ApprovalDecisionKind = (typeof approvalDecisions)[number];
/** POST /approvals/:id/decision by the current step's approver; a rejection needs a comment. */
export const approvalDecision = z
  .object({ decision: z.enum(approvalDecisions), comment: multiline(1000).optional(), ...versionField })
  .strict();
export type ApprovalDecision = z.input<typeof approvalDecision>;

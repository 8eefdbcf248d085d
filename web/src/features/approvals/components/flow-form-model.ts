import { fenToYuan, yuanToFen, type ApprovalCondition, type ApprovalFlow, type ApprovalFlowCreate, type ApprovalStepWrite } from '@crm/contracts';
import type { FieldPath } from '../../../shared/form/server-errors';

export type ConditionKind = ApprovalCondition['kind'];
export type StepKind = ApprovalStepWrite['kind'];

/** A condition as the form holds it: the amount in yuan. */
export interface ConditionValues {
  kind: ConditionKind;
  percent?: number | null;
  amountYuan?: number | null;
  standing?: 'good' | 'fair' | 'poor';
}
export interface StepValues {
  kind: StepKind;
  userId?: number;
  roleId?: number;
}
export interface FlowFormValues {
  name: string;
  recordType: string;
  active: boolean;
  priority: number;
  match: 'any' | 'all';
  conditions: ConditionValues[];
  steps: StepValues[];
}

export const newFlowValues = (recordType: string): FlowFormValues => ({
  name: '',
  recordType,
  active: true,
  priority: 100,
  match: 'any',
  conditions: [{ kind: 'amount_above', amountYuan: null }],
  steps: [{ kind: 'manager' }],
});

export function flowToValues(flow: ApprovalFlow): FlowFormValues {
  return {
    name: flow.name,
    recordType: flow.recordType,
    active: flow.active,
    priority: flow.priority,
    match: flow.match,
    conditions: flow.conditions.map((c): ConditionValues => {
      if (c.kind === 'discount_above') return { kind: c.kind, percent: c.percent };
      if (c.kind === 'amount_above') return { kind: c.kind, amountYuan: fenToYuan(c.amount) };
      if (c.kind === 'credit_below') return { kind: c.kind, standing: c.standing };
      return { kind: c.kind };
    }),
    steps: flow.steps.map((s): StepValues => ({ kind: s.kind, ...(s.userId !== null ? { userId: s.userId } : {}), ...(s.roleId !== null ? { roleId: s.roleId } : {}) })),
  };
}

/**
 * The flow as the API takes it: each condition with only its kind's value (the amount in fen).
 * A value left empty is sent as an impossible one so that the server names the field.
 */
export function flowPayload(values: FlowFormValues): ApprovalFlowCreate {
  const conditions = (values.conditions ?? []).map((c): ApprovalCondition => {
    if (c.kind === 'discount_above') return { kind: c.kind, percent: c.percent ?? -1 };
    if (c.kind === 'amount_above') return { kind: c.kind, amount: yuanToFen(c.amountYuan ?? null) ?? -1 };
    if (c.kind === 'credit_below') return { kind: c.kind, standing: c.standing ?? 'fair' };
    return { kind: 'over_credit_limit' };
  });
  const steps = (values.steps ?? []).map((s): ApprovalStepWrite => {
    if (s.kind === 'user') return { kind: 'user', userId: s.userId ?? 0 };
    if (s.kind === 'role') return { kind: 'role', roleId: s.roleId ?? 0 };
    return { kind: 'manager' };
  });
  return { name: values.name.trim(), recordType: values.recordType, active: values.active, priority: values.priority, match: values.match, conditions, steps };
}

/** A server error's path as the form's field: `conditions.0.amount` is the yuan input. */
export function flowFieldPath(path: string): FieldPath {
  const parts: FieldPath = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (parts[0] === 'conditions' && parts[2] === 'amount') parts[2] = 'amountYuan';
  return parts;
}

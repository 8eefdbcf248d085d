import type { ApprovalCondition, ApprovalFlow, ApprovalRequest, ApprovalRequestStatus, ApprovalStepKind, ApprovalStepStatus, ApprovalStepWrite } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { isApproverOf } from './approvals.access.js';
import type { FlowRow, RequestRow, StepRow } from './approvals.repository.js';

export function conditionsOf(row: Pick<FlowRow, 'conditions'>): ApprovalCondition[] {
  return JSON.parse(row.conditions) as ApprovalCondition[];
}

export function stepsOfFlow(row: Pick<FlowRow, 'steps'>): ApprovalStepWrite[] {
  return JSON.parse(row.steps) as ApprovalStepWrite[];
}

export function presentFlow(row: FlowRow & { request_count: number }, users: ReadonlyMap<number, string>, roles: ReadonlyMap<number, string>): ApprovalFlow {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    name: row.name,
    recordType: row.record_type,
    active: row.active === 1,
    priority: row.priority,
    match: row.match === 'all' ? 'all' : 'any',
    conditions: conditionsOf(row),
    steps: stepsOfFlow(row).map((s) => {
      if (s.kind === 'user') return { kind: 'user', userId: s.userId, roleId: null, name: users.get(s.userId) ?? null };
      if (s.kind === 'role') return { kind: 'role', userId: null, roleId: s.roleId, name: roles.get(s.roleId) ?? null };
      return { kind: 'manager', userId: null, roleId: null, name: null };
    }),
    requestCount: Number(row.request_count),
  };
}

export function presentRequest(row: RequestRow, steps: StepRow[], actor: Actor, names: ReadonlyMap<number, string>): ApprovalRequest {
  const current = row.status === 'pending' ? steps.find((s) => s.position === row.current_step) : undefined;
  return {
    id: row.id,
    version: row.version,
    recordType: row.record_type,
    recordId: row.record_id,
    recordNumber: row.record_number,
    recordTitle: row.record_title,
    customerId: row.customer_id,
    customerName: row.customer_name,
    amount: Number(row.amount),
    currency: row.currency,
    ownerId: row.owner_id,
    ownerName: names.get(row.owner_id) ?? null,
    flowId: row.flow_id,
    flowName: row.flow_name,
    status: row.status as ApprovalRequestStatus,
    currentStep: row.status === 'pending' ? row.current_step : null,
    steps: steps.map((s) => ({
      position: s.position,
      kind: s.kind as ApprovalStepKind,
      userId: s.user_id,
      roleId: s.role_id,
      approverName: s.approver_name,
      status: s.status as ApprovalStepStatus,
      startedAt: s.started_at,
      decidedBy: s.decided_by,
      decidedByName: s.decided_by === null ? null : (names.get(s.decided_by) ?? null),
      decidedAt: s.decided_at,
      comment: s.comment,
    })),
    submittedBy: row.submitted_by,
    submittedByName: names.get(row.submitted_by) ?? null,
    submittedAt: row.submitted_at,
    waitingSince: row.status === 'pending' ? row.step_started_at : null,
    decidedAt: row.decided_at,
    can: { decide: current !== undefined && isApproverOf(actor, row, current) },
  };
}

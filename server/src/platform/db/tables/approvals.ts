import type { Generated } from 'kysely';

/** The tables of the approvals module (server/src/modules/approvals/; see table-owners.ts), as Kysely sees them. */
export interface ApprovalsTables {
  approval_flows: {
    id: Generated<number>;
    name: string;
    record_type: string;
    active: number;
    priority: number;
    /** 'any' or 'all' of the conditions. */
    match: string;
    /** JSON: ApprovalCondition[]. */
    conditions: string;
    /** JSON: ApprovalStepWrite[]. */
    steps: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  approval_requests: {
    id: Generated<number>;
    record_type: string;
    record_id: number;
    flow_id: number;
    flow_name: string;
    /** pending, approved, rejected, cancelled. */
    status: string;
    /** 1-based position of the step waiting for a decision; null once decided. */
    current_step: number | null;
    record_number: string;
    record_title: string;
    customer_id: number | null;
    customer_name: string | null;
    /** Fen (bigint). */
    amount: number;
    currency: string;
    owner_id: number;
    submitted_by: number;
    submitted_at: string;
    step_started_at: string | null;
    decided_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  approval_steps: {
    id: Generated<number>;
    request_id: number;
    position: number;
    /** user, manager, role. */
    kind: string;
    /** The approver (a named user, or the manager resolved when submitted); null for a role step. */
    user_id: number | null;
    role_id: number | null;
    approver_name: string | null;
    /** waiting, pending, approved, rejected. */
    status: string;
    started_at: string | null;
    decided_by: number | null;
    decided_at: string | null;
    comment: string | null;
  };
}

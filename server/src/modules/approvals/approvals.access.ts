import { sql, type Expression, type SqlBool } from 'kysely';
import { can, type Actor } from '../../platform/auth/actor.js';
import { isUnscoped, ownerScope, unscoped, type Scope } from '../../platform/auth/scope.js';
import { approvalRecordTypeOf, approvalRecordTypes } from './approvals.registry.js';
import type { RequestRow, StepRow } from './approvals.repository.js';

/**
 * Which approval requests (`approval_requests as ar`) a user may see: their approvals
 * administrator sees all; everyone sees the requests they submitted and those with a step for
 * them (named, as the manager, or through their role); with approvals.view also the requests on
 * records of a type they may view whose owner is in their data scope.
 */
export function requestVisibility(actor: Actor): Scope {
  if (can(actor, 'approvals.admin')) return unscoped('the approvals administrator sees every request');
  const parts: Array<Expression<SqlBool>> = [
    sql<SqlBool>`ar.submitted_by = ${actor.userId}`,
    sql<SqlBool>`exists (select 1 from approval_steps avs where avs.request_id = ar.id and (avs.user_id = ${actor.userId} or avs.role_id = ${actor.roleId}))`,
  ];
  if (can(actor, 'approvals.view')) {
    const types = approvalRecordTypes().filter((type) => {
      const definition = approvalRecordTypeOf(type);
      return definition !== undefined && can(actor, definition.viewPermission);
    });
    if (types.length > 0) {
      const ofTypes = sql<SqlBool>`ar.record_type in (${sql.join(types)})`;
      const owners = ownerScope(actor, 'approvals');
      parts.push(isUnscoped(owners) ? ofTypes : sql<SqlBool>`(${ofTypes} and ${owners})`);
    }
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Whether the actor decides this step: its named (or resolved manager) user; for a role step any
 * holder of the role other than the record's owner and the submitter (nobody approves their own).
 */
export function isApproverOf(actor: Actor, request: Pick<RequestRow, 'owner_id' | 'submitted_by'>, step: Pick<StepRow, 'user_id' | 'role_id'>): boolean {
  if (step.user_id !== null) return step.user_id === actor.userId;
  if (step.role_id !== null) return step.role_id === actor.roleId && actor.userId !== request.owner_id && actor.userId !== request.submitted_by;
  return false;
}

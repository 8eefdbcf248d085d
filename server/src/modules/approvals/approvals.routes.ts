import { approvalDecision, approvalFlow, approvalFlowCreate, approvalFlowList, approvalFlowQuery, approvalFlowUpdate, approvalList, approvalListQuery, approvalRequest, idParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as flows from './approvals.flows.js';
import * as service from './approvals.service.js';

export function approvalRoutes(r: Router, ctx: AppContext): void {
  const tag = 'approvals';
  // The queue is for every signed-in user: whoever a flow names as approver sees what waits for them;
  // the rest is scoped (approvals.view: records in your data scope; approvals.admin: everything).
  r.route({ method: 'GET', url: '/approvals', access: 'signedIn', summary: 'Approval requests you may see: mine=pending waits for you, mine=submitted you submitted; recordType+recordId a record\'s requests and the flow that applies to it', tag, query: approvalListQuery, response: approvalList,
    handler: ({ actor, query }) => service.listRequests(ctx, actor, query) });
  r.route({ method: 'GET', url: '/approvals/:id', access: 'signedIn', summary: 'One approval request with its steps and decisions (404 unless you may see it)', tag, params: idParams, response: approvalRequest,
    handler: ({ actor, params }) => service.getRequest(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/approvals/:id/decision', access: 'signedIn', summary: 'Approve or reject the current step (its approvers only; a rejection needs a comment); 409 when already decided or stale', tag, params: idParams, body: approvalDecision, response: approvalRequest, status: 200,
    handler: ({ actor, params, body }) => service.decide(ctx, actor, params.id, body) });

  r.route({ method: 'GET', url: '/approval-flows', access: 'approvals.admin', summary: 'Approval flows (conditions and steps) and the record types that can have them', tag, query: approvalFlowQuery, response: approvalFlowList,
    handler: ({ actor, query }) => flows.listFlows(ctx, actor, query) });
  r.route({ method: 'POST', url: '/approval-flows', access: 'approvals.admin', summary: 'Define an approval flow: conditions, ordered steps (a user, the owner\'s manager, a role)', tag, body: approvalFlowCreate, response: approvalFlow,
    handler: ({ actor, body }) => flows.createFlow(ctx, actor, body) });
  r.route({ method: 'GET', url: '/approval-flows/:id', access: 'approvals.admin', summary: 'One approval flow', tag, params: idParams, response: approvalFlow,
    handler: ({ actor, params }) => flows.getFlow(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/approval-flows/:id', access: 'approvals.admin', summary: 'Change an approval flow (requests already submitted keep their steps); 409 when stale', tag, params: idParams, body: approvalFlowUpdate, response: approvalFlow,
    handler: ({ actor, params, body }) => flows.updateFlow(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/approval-flows/:id', access: 'approvals.admin', summary: 'Delete an approval flow no request was made with (deactivate one in use)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => flows.deleteFlow(ctx, actor, params.id) });
}

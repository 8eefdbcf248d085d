import { customer, customerRelease, customerTransfer, followUpCreate, idParams, poolRulesState, poolRulesUpdate, poolRunResult, transferResult } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './pool.service.js';

export function poolRoutes(r: Router, ctx: AppContext): void {
  const tag = 'customers';
  r.route({ method: 'POST', url: '/customers/transfer', access: 'customers.assign', summary: 'Give customers (1-500) to one user, all or none; each new owner is notified', tag, body: customerTransfer, response: transferResult, status: 200,
    handler: ({ actor, body }) => service.transferCustomers(ctx, actor, body) });
  r.route({ method: 'POST', url: '/customers/:id/claim', access: 'customers.claim', summary: 'Take a customer from the public pool (limits: most customers per user, wait after giving it up)', tag, params: idParams, response: customer, status: 200,
    handler: ({ actor, params }) => service.claimCustomer(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/customers/:id/release', access: { anyOf: ['customers.claim', 'customers.assign'] }, summary: 'Put a customer back in the public pool', tag, params: idParams, body: customerRelease, response: customer, status: 200,
    handler: ({ actor, params, body }) => service.releaseCustomer(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/customers/:id/follow-ups', access: 'customers.edit', summary: 'Record a follow-up (restarts the pool follow-up clock)', tag, params: idParams, body: followUpCreate, response: customer,
    handler: ({ actor, params, body }) => service.addFollowUp(ctx, actor, params.id, body) });

  const settings = 'settings';
  r.route({ method: 'GET', url: '/settings/pool-rules', access: 'signedIn', summary: 'Public-pool rules (any signed-in user reads them)', tag: settings, response: poolRulesState,
    handler: ({ actor }) => service.getPoolRules(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/pool-rules', access: 'settings.edit', summary: 'Change the public-pool rules; 409 with the current rules when your version is stale', tag: settings, body: poolRulesUpdate, response: poolRulesState,
    handler: ({ actor, body }) => service.updatePoolRules(ctx, actor, body) });
  r.route({ method: 'POST', url: '/settings/pool-rules/run', access: 'settings.edit', summary: 'Apply the public-pool rules now (they also run on a schedule)', tag: settings, response: poolRunResult, status: 200,
    handler: ({ actor }) => service.runPoolRulesNow(ctx, actor) });
}

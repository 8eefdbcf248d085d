import { creditAssessment, creditAssessmentUpdate, creditSettings, creditSettingsUpdate, idParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { getCreditAssessment, updateCreditAssessment } from './credit.service.js';
import { getCreditSettings, updateCreditSettings } from './credit.settings.js';

export function creditRoutes(r: Router, ctx: AppContext): void {
  const tag = 'credit';
  r.route({ method: 'GET', url: '/customers/:id/credit-assessment', access: 'customers.view', summary: "An organisation customer's 6C credit assessment (each C's inputs, rule and score, the rating and the policy applied) and the earlier ones; version 0 before the first", tag, params: idParams, response: creditAssessment,
    handler: ({ actor, params, locale }) => getCreditAssessment(ctx, actor, params.id, locale) });
  r.route({ method: 'PUT', url: '/customers/:id/credit-assessment', access: 'customers.edit', summary: "Save a new 6C assessment from the evidence (money in fen) with the version read (409 when stale): Character is computed from the customer's payment record, and the rating's credit standing and limit are written to the customer", tag, params: idParams, body: creditAssessmentUpdate, response: creditAssessment,
    handler: ({ actor, params, body, locale }) => updateCreditAssessment(ctx, actor, params.id, body, locale) });
  r.route({ method: 'GET', url: '/settings/credit', access: 'settings.view', summary: 'Credit rating settings: the six weights, the A/B/C thresholds and the policy of each rating', tag: 'settings', response: creditSettings,
    handler: ({ actor }) => getCreditSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/credit', access: 'settings.edit', summary: 'Change the credit rating settings (weights adding up to 100, thresholds falling from A to C, policies); 409 when stale', tag: 'settings', body: creditSettingsUpdate, response: creditSettings,
    handler: ({ actor, body }) => updateCreditSettings(ctx, actor, body) });
}

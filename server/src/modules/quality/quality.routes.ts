import {
  customer,
  dataQualityList,
  dataQualityQuery,
  dataQualitySettingsResponse,
  dataQualitySettingsUpdate,
  dataQualitySummary,
  idParams,
  unreadablePhoneList,
  unreadablePhoneQuery,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './quality.service.js';
import { listUnreadablePhones } from './quality.phones.js';

export function qualityRoutes(r: Router, ctx: AppContext): void {
  const tag = 'data quality';
  r.route({ method: 'GET', url: '/settings/data-quality', access: 'signedIn', summary: 'Data-quality settings: expected fields per kind, stale and incomplete thresholds', tag, response: dataQualitySettingsResponse,
    handler: ({ actor }) => service.getQualitySettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/data-quality', access: 'settings.edit', summary: 'Change the data-quality settings (version 0 the first time); completeness is recomputed in the background', tag, body: dataQualitySettingsUpdate, response: dataQualitySettingsResponse,
    handler: ({ actor, body }) => service.updateQualitySettings(ctx, actor, body) });
  r.route({ method: 'GET', url: '/data-quality', access: 'customers.view', summary: 'Incomplete, stale or likely-duplicate customers within your data scope', tag, query: dataQualityQuery, response: dataQualityList,
    handler: ({ actor, query }) => service.listQualityIssues(ctx, actor, query) });
  r.route({ method: 'GET', url: '/data-quality/unreadable-phones', access: 'customers.view', summary: 'Phone numbers that cannot be read (kept as typed) of customers, contacts and leads within your data scope', tag, query: unreadablePhoneQuery, response: unreadablePhoneList,
    handler: ({ actor, query }) => listUnreadablePhones(ctx, actor, query) });
  r.route({ method: 'GET', url: '/data-quality/summary', access: 'customers.view', summary: 'How many incomplete, stale and duplicate records your data scope holds', tag, response: dataQualitySummary,
    handler: ({ actor }) => service.qualitySummary(ctx, actor) });
  r.route({ method: 'POST', url: '/customers/:id/confirm', access: 'customers.edit', summary: 'Confirm a customer record is still accurate (it becomes fresh)', tag, params: idParams, response: customer, status: 200,
    handler: ({ actor, params }) => service.confirmCustomer(ctx, actor, params.id) });
}

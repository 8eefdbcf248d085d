import {
  analyticsCustomerParams, analyticsRun, analyticsRunParams, analyticsSettings, analyticsSettingsUpdate, analyticsSummary as summarySchema,
  analyticsSummaryQuery, customerAnalytics as customerSchema, customerAnalyticsList, customerAnalyticsQuery,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { analyticsSummary, customerAnalytics, listCustomerAnalytics } from './analytics.read.js';
import { getRun, requestRun } from './analytics.runs.js';
import * as settings from './analytics.settings.js';

export function analyticsRoutes(r: Router, ctx: AppContext): void {
  const tag = 'analytics';
  r.route({ method: 'GET', url: '/settings/analytics', access: 'analytics.view', summary: 'Customer analytics thresholds (ABC, value classes, RFM window, margin, lifetime value, churn and lifecycle rules) with the textbook defaults', tag, response: analyticsSettings,
    handler: ({ actor }) => settings.getAnalyticsSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/analytics', access: 'analytics.manage', summary: 'Change the analytics thresholds (from the next run); 409 when stale', tag, body: analyticsSettingsUpdate, response: analyticsSettings,
    handler: ({ actor, body }) => settings.updateAnalyticsSettings(ctx, actor, body) });
  r.route({ method: 'POST', url: '/analytics/runs', access: 'analytics.manage', summary: 'Recompute every customer\'s classes now in the background (or get the run already running); read its progress with GET /analytics/runs/:id', tag, status: 202, response: analyticsRun,
    handler: ({ actor }) => requestRun(ctx, actor) });
  r.route({ method: 'GET', url: '/analytics/runs/:id', access: 'analytics.view', summary: 'A computation run and its progress', tag, params: analyticsRunParams, response: analyticsRun,
    handler: ({ params }) => getRun(ctx, params.id) });
  r.route({ method: 'GET', url: '/analytics/summary', access: 'analytics.view', summary: 'How many customers in your data scope are in each ABC class, value class, RFM segment, lifecycle stage and status, and at churn risk (latest finished run)', tag, query: analyticsSummaryQuery, response: summarySchema,
    handler: ({ actor, query }) => analyticsSummary(ctx, actor, query.runId) });
  r.route({ method: 'GET', url: '/analytics/customers', access: 'analytics.view', summary: 'The classes and figures of the customers in your data scope (latest finished run), filtered by class, best ABC rank first', tag, query: customerAnalyticsQuery, response: customerAnalyticsList,
    handler: ({ actor, query }) => listCustomerAnalytics(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/customers/:id', access: 'analytics.view', summary: "A customer's classes with each one's inputs and formula, and its classes over the runs", tag, params: analyticsCustomerParams, response: customerSchema,
    handler: ({ actor, params, locale }) => customerAnalytics(ctx, actor, params.id, locale) });
}

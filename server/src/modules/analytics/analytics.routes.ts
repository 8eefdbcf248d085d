import {
  analyticsCustomerParams, analyticsRun, analyticsRunParams, analyticsSettings, analyticsSettingsUpdate, analyticsSummary as summarySchema,
  analyticsSummaryQuery, compositionCustomers, compositionCustomersQuery, customerAnalytics as customerSchema, customerAnalyticsList, customerAnalyticsQuery,
  dashboardAbc, dashboardAbcQuery, dashboardChurn, dashboardChurnQuery, dashboardComposition, dashboardCompositionQuery, dashboardExportParams,
  dashboardExportQuery, dashboardFilterQuery, lifecycleKeep, dashboardPyramid, dashboardQuadrants, dashboardRevenue, dashboardRfm, revenueCustomers, revenueCustomersQuery,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { analyticsSummary, customerAnalytics, listCustomerAnalytics } from './analytics.read.js';
import * as dashboard from './analytics.dashboard.js';
import { exportDashboard } from './analytics.dashboard-export.js';
import { getRun, requestRun } from './analytics.runs.js';
import { keepRecord } from './analytics.suggestions.js';
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
  r.route({ method: 'POST', url: '/analytics/customers/:id/keep-record', access: 'customers.edit', summary: "Keep the customer record's own lifecycle stage and/or status against the derived one named (\"keep mine\"): not suggested again until a run derives another value. Customers you may edit; 409 with the analytics as they are when the latest run derives another value", tag, params: analyticsCustomerParams, body: lifecycleKeep, response: customerSchema, status: 200,
    handler: ({ actor, params, body, locale }) => keepRecord(ctx, actor, params.id, body, () => customerAnalytics(ctx, actor, params.id, locale)) });

  // Dashboards: aggregates of the customers whose owner is in your data scope, narrowed by department (and a date range where a figure has a date).
  r.route({ method: 'GET', url: '/analytics/dashboard/composition', access: 'analytics.view', summary: 'Customer composition in your data scope: by type, category, industry, status, lifecycle stage, province (and the cities of `province`), and new customers per month; customers created in the range when given', tag, query: dashboardCompositionQuery, response: dashboardComposition,
    handler: ({ actor, query, locale }) => dashboard.composition(ctx, actor, query, locale) });
  r.route({ method: 'GET', url: '/analytics/dashboard/composition/customers', access: 'analytics.view', summary: 'The customers behind one slice of the composition (or one month of new customers), same filters and scope', tag, query: compositionCustomersQuery, response: compositionCustomers,
    handler: ({ actor, query }) => dashboard.compositionCustomers(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/revenue', access: 'analytics.view', summary: 'Revenue (signed active or completed contracts and imported purchases) of the customers in your data scope per month of the range (default: the last 12 months), with how many customers bought', tag, query: dashboardFilterQuery, response: dashboardRevenue,
    handler: ({ actor, query, locale }) => dashboard.revenueByMonth(ctx, actor, query, locale) });
  r.route({ method: 'GET', url: '/analytics/dashboard/revenue/customers', access: 'analytics.view', summary: 'The customers in your data scope who bought in one month of the range, with their revenue in it, most first', tag, query: revenueCustomersQuery, response: revenueCustomers,
    handler: ({ actor, query }) => dashboard.revenueCustomers(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/abc', access: 'analytics.view', summary: 'ABC Pareto chart of the customers in your data scope (latest run): the first `limit` by the ABC basis with their cumulative share, and how many customers reach the A and B cut-offs', tag, query: dashboardAbcQuery, response: dashboardAbc,
    handler: ({ actor, query }) => dashboard.abcPareto(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/value-pyramid', access: 'analytics.view', summary: 'Value pyramid of the customers in your data scope (latest run): customers, revenue and gross profit of each value class', tag, query: dashboardFilterQuery, response: dashboardPyramid,
    handler: ({ actor, query }) => dashboard.valuePyramid(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/quadrants', access: 'analytics.view', summary: 'Pyramid quadrants of the customers in your data scope (latest run): customers, current and potential value of platinum IV, gold III, iron II and lead I, with the cuts the run compared with', tag, query: dashboardFilterQuery, response: dashboardQuadrants,
    handler: ({ actor, query }) => dashboard.quadrantChart(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/rfm', access: 'analytics.view', summary: 'RFM segments of the customers in your data scope (latest run): customers, revenue, gross profit and window spend of each segment', tag, query: dashboardFilterQuery, response: dashboardRfm,
    handler: ({ actor, query }) => dashboard.rfmSegmentsChart(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/churn', access: 'analytics.view', summary: 'Customers in your data scope at churn risk (latest run) with their owner, usual interval and days since the last purchase, longest silence first', tag, query: dashboardChurnQuery, response: dashboardChurn,
    handler: ({ actor, query }) => dashboard.churnList(ctx, actor, query) });
  r.route({ method: 'GET', url: '/analytics/dashboard/:chart/export', access: 'analytics.view', summary: "Download a dashboard chart's figures (composition, new-customers, revenue, abc, value-pyramid, quadrants, rfm, churn) as .xlsx or CSV, money in yuan; same filters and data scope as the chart", tag, params: dashboardExportParams, query: dashboardExportQuery, download: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    handler: ({ actor, params, query, locale, reply }) => exportDashboard(ctx, actor, params.chart, query, locale, reply) });
}

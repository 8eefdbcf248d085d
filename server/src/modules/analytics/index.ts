// Customer analytics (客户分析, issue 14): classes computed by set-based SQL in runs (scheduled daily and on demand).
export { analyticsRoutes } from './analytics.routes.js';
export { analyticsTask, runAnalyticsNow, runAnalyticsOnThread } from './analytics.runs.js';
// The composition dashboard's live counts: the triggers' deltas folded every minute.
export { fieldCountsTask } from './analytics.field-counts.js';
export { revenueTask } from './analytics.revenue.js';
export { readAnalyticsSettings } from './analytics.settings.js';
export { servicePolicyOf } from './analytics.policy.js';
// A customer erased for good takes its purchases and stored analytics with it (app.ts registers the listener).
export { analyticsFollowsCustomer } from './analytics.events.js';

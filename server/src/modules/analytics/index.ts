// Customer analytics (客户分析, issue 14): classes computed by set-based SQL in runs (scheduled daily and on demand).
export { analyticsRoutes } from './analytics.routes.js';
export { analyticsTask, runAnalyticsNow, runAnalyticsOnThread } from './analytics.runs.js';
export { readAnalyticsSettings } from './analytics.settings.js';
export { servicePolicyOf } from './analytics.policy.js';
// A customer erased for good takes its purchases and stored analytics with it (app.ts registers the listener).
export { analyticsFollowsCustomer } from './analytics.events.js';

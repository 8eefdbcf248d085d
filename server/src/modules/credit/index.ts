// Credit rating (信用评级, issue 14): 6C assessments of organisation customers and the policy their rating sets.
export { creditRoutes } from './credit.routes.js';
export { readCreditSettings } from './credit.settings.js';
// Assessments follow a merge (app.ts registers the listener).
export { creditFollowsCustomer } from './credit.events.js';

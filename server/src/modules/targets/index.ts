export { targetRoutes } from './targets.routes.js';
// The workbench's figures against my targets of the month.
export { myMonthTargets } from './targets.facts.js';

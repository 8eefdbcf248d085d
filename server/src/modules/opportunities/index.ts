// Deals follow their customers through delete, restore and merge (app.ts registers the listener).
export { dealsFollowCustomer } from './opportunities.customer-events.js';
export { opportunityRoutes } from './opportunities.routes.js';
// The stage conversion export's table writer and export log, handed in by app.ts (this module cannot import imports or exports).
export { setStageStatsFile, type StageStatsFile } from './stage-stats.export.js';
// Lead conversion creates its deal through the same path as POST /opportunities.
export { createOpportunityInTrx } from './opportunities.write.js';
export { listDeletedOpportunities, restoreOpportunity, purgeOpportunity, purgeCustomerOpportunities } from './opportunities.recycle.js';
export { readSalesSettings } from './sales-settings.js';
// Demo data: the same use cases as the routes.
export { createOpportunity, moveOpportunity } from './opportunities.service.js';
export { listPipelines } from './pipelines.service.js';
// Quotes check that a deal they name is visible and of the quote's customer.
export { findVisibleDeal } from './opportunities.service.js';
// Contracts are made from won deals (amount, contacts) and name the deal they belong to.
export { findDealForContract, type DealForContract } from './opportunities.for-contracts.js';
export { dealSearchReindexer } from './opportunities.search-reindex.js';
// The workbench: what I won this month, and the names of deals I may still see.
export { wonDealsOf, visibleDealNames } from './opportunities.facts.js';
// A user's deals created and won in a span of time, for work reports (日报/周报).
export { dealFiguresOf, type DealLine } from './opportunities.figures.js';

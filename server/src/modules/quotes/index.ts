export { quoteRoutes } from './quotes.routes.js';
// Quotes follow their customers through delete, restore and merge (app.ts registers the listener).
export { quotesFollowCustomer } from './quotes.customer-events.js';
// Quotes can need approval (app.ts registers them with the approvals module); a customer erased
// for good from the recycle bin takes its quotes and their approval requests with it.
export { quoteApprovals, purgeCustomerQuotes } from './quotes.approvals.js';

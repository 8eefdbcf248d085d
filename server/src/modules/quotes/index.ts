export { quoteRoutes } from './quotes.routes.js';
// Quotes follow their customers through delete, restore and merge (app.ts registers the listener).
export { quotesFollowCustomer } from './quotes.customer-events.js';
// A customer erased for good from the recycle bin takes its quotes with it.
export { purgeOfCustomer as purgeCustomerQuotes } from './quotes.repository.js';

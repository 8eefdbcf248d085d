export { quoteRoutes } from './quotes.routes.js';
// Quotes follow their customers through delete, restore and merge (app.ts registers the listener).
export { quotesFollowCustomer } from './quotes.customer-events.js';
// Quotes can need approval (app.ts registers them with the approvals module); a customer erased
// for good from the recycle bin takes its quotes and their approval requests with it.
export { quoteApprovals, purgeCustomerQuotes } from './quotes.approvals.js';
// Contracts are made from accepted quotes (and a won deal's current quote) with the same line arithmetic.
export { priceLines, maxAmount, type PricedLine } from './quotes.lines.js';
export { findQuoteForContract, currentQuoteForContract, type QuoteForContract } from './quotes.for-contracts.js';
// Sent quotes past their validity expire (run by the scheduler, main.ts).
export { runQuoteExpiry, quoteExpiryTask } from './quotes.expiry.js';

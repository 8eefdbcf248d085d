export { quoteRoutes } from './quotes.routes.js';
// Quotes follow their customers through delete, restore and merge (app.ts registers the listener).
export { quotesFollowCustomer } from './quotes.customer-events.js';
// A customer erased for good from the recycle bin takes its quotes with it.
export { purgeOfCustomer as purgeCustomerQuotes } from './quotes.repository.js';
// Contracts are made from accepted quotes (and a won deal's current quote) with the same line arithmetic.
export { priceLines, maxAmount, type PricedLine } from './quotes.lines.js';
export { findQuoteForContract, currentQuoteForContract, type QuoteForContract } from './quotes.for-contracts.js';

// The customers module's public face. Stored customer rows change only through writeCustomers
// (and bulkCreateCustomers for new ones), which keeps what is derived from them right; other
// modules never run SQL on customers or dedupe_keys.
export { customerRoutes } from './customers.routes.js';
export { findVisible, findReadable, createCustomer, customerScope, customerReadScope, customerEditScope, getCustomer, checkOwner, hasAnyCustomer } from './customers.service.js';
export { listDeletedCustomers, restoreCustomer, purgeCustomer, isCustomerLive } from './customers.recycle.js';
// Writes: the one path for stored rows, and the refresh of what they derive from their contacts.
export { writeCustomers, type CustomerWrite } from './customers.write.js';
export { refreshCustomers } from './customers.derived.js';
// The customer's transactions (first/last deal, count, total, status) from its contracts.
export { recordCustomerDeals, statusForDeals, mergedDealValues, type DealFigures } from './customers.deals.js';
// Reads for other modules' checks and merges (scoped, by id).
export { findById as findCustomerRow, lock as lockCustomers, summaries as customerSummaries, type CustomerRow } from './customers.repository.js';
export { presentCustomer, recordView, historyFields } from './customers.presenter.js';
export { customersWithKeys, keysOfCustomers } from './customers.dedupe.js';
export { finalSurvivor, mergedAwayConflict } from './customers.merged.js';
// Completeness and the data-quality lists.
export { freshDaysOf, missingFieldsOf, qualitySettingKey, readQualitySettings, recomputeAllCompleteness, completenessIdle } from './customers.completeness.js';
export * as customerQuality from './customers.quality.js';
export type { QualityRow } from './customers.quality.js';
// Owners and clocks, for the public pool and the modules recording follow-ups and deals.
export { ownedCount, moveCustomerOwner, movableCustomers, touchCustomer, customersMatching, ownedCustomersMatching, newCustomersByOwner, type ClockRow } from './customers.owners.js';
// Imports and exports: many customers at once.
export { bulkCreateCustomers, customerStatistics, analyzeCustomers, draftCustomers, insertCustomerDrafts, customersByIds, customersByReference, customerListFilter, customerExportPage, presentCustomerRows, type CustomerDraft, type CustomerInput, type ExportCursor } from './customers.bulk.js';
export { importUpdateCustomers } from './customers.bulk-update.js';
export { customerSourcesInUse } from './customers.lists.js';
// The credit standing and limit of an organisation, for approval conditions.
export { creditOf } from './customers.credit.js';
// A user's new customers in a span of time, for work reports (日报/周报).
export { newCustomersOf } from './customers.figures.js';
export { customerSearchReindexer } from './customers.search-reindex.js';
// The follow-up dates of the list: sort key, the public pool's "returns soon" condition (wired in app.ts), the next follow-up.
export { customerSortKey, setPoolDueCondition, type PoolDueCondition } from './customers.follow-up-filters.js';
export { setNextFollowUp } from './customers.owners.js';

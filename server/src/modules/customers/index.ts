export { customerRoutes } from './customers.routes.js';
export { findVisible, updateContactSummary, createCustomer, customerScope, archiveNumber, searchDocument } from './customers.service.js';
export { listDeletedCustomers, restoreCustomer, purgeCustomer, isCustomerLive } from './customers.recycle.js';
export { keysOf, writeDedupeKeys, refreshDedupeKeys, customersWithKeys, type DedupeEntry } from './customers.dedupe.js';

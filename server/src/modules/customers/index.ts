export { customerRoutes } from './customers.routes.js';
export { findVisible, findReadable, createCustomer, customerScope, customerReadScope, customerEditScope, archiveNumber, searchDocument, getCustomer, checkOwner } from './customers.service.js';
export { listDeletedCustomers, restoreCustomer, purgeCustomer, isCustomerLive } from './customers.recycle.js';
export { keysOf, writeDedupeKeys, refreshDedupeKeys, customersWithKeys, keysOfCustomers, type DedupeEntry } from './customers.dedupe.js';
// For merges and data quality: the stored row, its versioned update and its search document.
export { presentCustomer, recordView, historyFields } from './customers.presenter.js';
export { findById as findCustomerRow, lock as lockCustomers, update as updateCustomerRow, setFields as setCustomerFields, writeSearch as writeCustomerSearch, adjustLiveCount, type CustomerRow } from './customers.repository.js';
// Imports and exports: many customers at once.
export { bulkCreateCustomers, customerStatistics, analyzeCustomers, draftCustomers, insertCustomerDrafts, customersByIds, customersByReference, customerListFilter, customerExportPage, presentCustomerRows, type BulkNewCustomer, type CustomerDraft, type CustomerInput, type ExportSort, type ExportCursor } from './customers.bulk.js';
export { customerSourcesInUse } from './customers.lists.js';
export { importUpdateCustomers, type ImportChange } from './customers.bulk-update.js';
export { refreshCustomers } from './customers.derived.js';

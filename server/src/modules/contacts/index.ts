export { contactRoutes } from './contacts.routes.js';
export { listDeletedContacts, restoreContact, purgeContact, createContact, moveContacts, findVisible as findVisibleContact, findReadable as findReadableContact } from './contacts.service.js';
export { readableContactIds } from './contacts.scope.js';
// Imports and exports: many contacts at once.
export { liveContactsOf, bulkCreateContacts, importUpdateContact, contactListFilter, contactExportPage, type ContactInput, type ContactRow, type ContactExportRow } from './contacts.bulk.js';
export { contactSearchReindexer } from './contacts.search-reindex.js';

export { contactRoutes } from './contacts.routes.js';
export { listDeletedContacts, restoreContact, purgeContact, createContact } from './contacts.service.js';

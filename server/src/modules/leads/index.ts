// Leads follow their customers through merges (app.ts registers the listener).
export { leadsFollowCustomer } from './leads.customer-events.js';
export { leadRoutes } from './leads.routes.js';
// The one way to write new leads (by hand, import, web form) and the checks their input needs.
export { insertLeads } from './leads.insert.js';
export { checkLeadInput, type LeadInputIssue } from './leads.check.js';
export { applyAssignmentRules, type Assignment } from './leads.assignment.js';
export { readLeadSources, readAssignmentRules } from './leads.settings.js';
export type { LeadInput } from './leads.records.js';
// The archive's import: duplicate lookups and updates of matched leads (in the import's transaction).
export { importUpdateLead, leadKeysOf, leadsByIds, leadsWithKeys, type ImportedLeadRow, type LeadImportChange } from './leads.for-import.js';
export { listDeletedLeads, restoreLead, purgeLead } from './leads.recycle.js';
// Demo data: the same use cases as the routes.
export { createLead, getLead, updateLead } from './leads.service.js';
export { convertLead } from './leads.convert.js';
export { updateAssignmentRules } from './leads.settings.js';
export { leadSearchReindexer } from './leads.search-reindex.js';

export { receivableRoutes } from './receivables.routes.js';
// The overdue notices, run by the scheduler (main.ts).
export { runOverdueNotices, overdueNoticesTask } from './receivables.overdue.js';
// Receivables follow their contracts (erased with them) and customers (merged into the survivor); app.ts registers the listeners.
export { receivablesFollowContracts, receivablesFollowCustomer } from './receivables.events.js';
// Sales targets count what each owner collected; the approvals' credit check reads what customers still owe.
// The credit rating's Character reads a customer's instalments that have fallen due.
export { collectedAmountByOwner, openReceivablesOf, dueInstalmentsOf, type DueInstalment } from './receivables.facts.js';

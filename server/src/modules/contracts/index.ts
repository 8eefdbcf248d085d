export { contractRoutes } from './contracts.routes.js';
// Contracts follow their customers through delete, restore and merge (app.ts registers the listener).
export { contractsFollowCustomer } from './contracts.customer-events.js';
// The recycle bin; a customer erased for good takes its contracts with it.
export { listDeletedContracts, restoreContract, purgeContract, purgeCustomerContracts } from './contracts.recycle.js';
// The renewal notices, run by the scheduler (main.ts).
export { runContractRenewals, contractRenewalsTask } from './contracts.renewals.js';
// Care reminders list renewals on the calendar with the same renewal days.
export { readRenewalDays } from './contracts.settings.js';
// Attachments scope a contract's files through the contract; approvals move contracts into and out of awaiting_approval.
export { findVisibleContract, contractScope, moveStatus as moveContractStatus } from './contracts.service.js';
// Sales targets read what each owner signed.
export { signedAmountByOwner } from './contracts.repository.js';
// Contracts can need approval (app.ts registers them with the approvals module once the context exists).
export { contractApprovals } from './contracts.approvals.js';
// Receivables keep their sums on the contract, lock it while they change, and go with it when it is erased.
export { writeReceivableSums, lock as lockContract } from './contracts.repository.js';
export { onContractsPurged, type ContractsPurgedListener } from './contracts.purge-events.js';

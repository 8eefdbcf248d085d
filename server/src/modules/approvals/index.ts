// The approvals module's public face. A module whose records need approval registers its record
// type (registerApprovalRecordType, from app.ts), calls startApproval when a record is to be sent
// or signed, withdrawApproval when it goes back to draft, and purgeApprovalsOf when records are
// erased for good; final decisions come back through its onApproved / onRejected.
export { approvalRoutes } from './approvals.routes.js';
export { registerApprovalRecordType, setCreditExposure, type ApprovalFacts, type ApprovalOutcome, type ApprovalRecordType } from './approvals.registry.js';
export { startApproval, withdrawApproval, approvalRequirement, purgeApprovalsOf } from './approvals.service.js';
// The workbench lists what waits for my decision as GET /approvals?mine=pending does.
export { listRequests as listApprovalRequests } from './approvals.service.js';

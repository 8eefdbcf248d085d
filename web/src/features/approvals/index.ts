export { ApprovalCard } from './components/approval-card';
export { approvalKeys, recordPath, refreshApprovals, useApprovalRequirement, usePendingApprovalCount } from './api';

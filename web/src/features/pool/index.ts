export { CustomerBulkBar, useCanBulkMove } from './components/customer-bulk-bar';
export { CustomerOwnershipActions } from './components/ownership-actions';
export { OwnershipSummary } from './components/ownership-summary';

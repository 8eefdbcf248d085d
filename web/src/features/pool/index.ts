export { CustomerBulkBar } from './components/customer-bulk-bar';
export { useCanBulkMove } from './can-bulk-move';
export { CustomerOwnershipActions } from './components/ownership-actions';
export { OwnershipSummary } from './components/ownership-summary';

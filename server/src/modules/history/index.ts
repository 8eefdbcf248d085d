export {
  diffRecords,
  recordChange,
  recordChanges,
  customerHistory,
  entityHistory,
  purgeCustomerHistory,
  moveCustomerHistory,
  type HistoryAction,
} from './history.service.js';

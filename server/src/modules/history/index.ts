export {
  diffRecords,
  recordChange,
  recordChanges,
  customerHistory,
  entityHistory,
  purgeCustomerHistory,
  moveCustomerHistory,
  recentlyTouchedBy,
  type HistoryAction,
} from './history.service.js';

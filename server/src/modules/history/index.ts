export {
  diffRecords,
  recordChange,
  recordChanges,
  customerHistory,
  entityHistory,
  purgeCustomerHistory,
  type HistoryAction,
} from './history.service.js';

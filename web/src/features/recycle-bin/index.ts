export { usePurgeItem, useRecycleBin, useRestoreItem } from './api';

export { CustomerMerges } from './components/customer-merges';
export { DuplicateAlert } from './components/duplicate-alert';
export { useDuplicateGuard } from './components/use-duplicate-guard';
export { mergedInto, useMergedRedirect } from './components/use-merged-redirect';
export { MergeSelectedButton, useCanMerge } from './components/merge-selected-button';

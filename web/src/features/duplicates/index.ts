export { CustomerMerges } from './components/customer-merges';
export { DuplicateAlert } from './components/duplicate-alert';
export { useDuplicateGuard } from './components/use-duplicate-guard';
export { mergedInto, useMergedRedirect } from './components/use-merged-redirect';
export { MergeSelectedButton } from './components/merge-selected-button';
export { useCanMerge } from './can-merge';

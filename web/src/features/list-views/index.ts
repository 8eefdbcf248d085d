export { ListViewBar } from './components/list-view-bar';
export { PlainViewBar } from './components/plain-view-bar';
export { ViewActions } from './components/view-actions';
export { useListViewState, type ListViewState, type ViewColumns } from './use-list-view-state';
export { sameAsApi, type ListAdapter } from './view-params';
export { prefetchListViews } from './api';
export { readCachedDefault } from './view-params';

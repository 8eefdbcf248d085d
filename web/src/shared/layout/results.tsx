import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

// Ant Design's Result carries its illustrations (about 40 KB): it loads when a result is shown.
const load = () => import('./result-pages');
const LazyNoPermission = lazy(() => load().then((m) => ({ default: m.NoPermissionResult })));
const LazyNotFound = lazy(() => load().then((m) => ({ default: m.NotFoundResult })));
const LazyQueryError = lazy(() => load().then((m) => ({ default: m.QueryErrorResult })));

export function NoPermissionResult() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <LazyNoPermission />
    </Suspense>
  );
}

export function NotFoundResult() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <LazyNotFound />
    </Suspense>
  );
}

/** The result for a failed query: 403 and 404 get their own pages, anything else a retry. */
export function QueryErrorResult(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <LazyQueryError {...props} />
    </Suspense>
  );
}

export function PageSkeleton() {
  return (
    <div style={{ padding: 8 }} data-testid="page-skeleton">
      <Skeleton active title paragraph={{ rows: 8 }} />
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { withRest } from '../../app/rest-of-app';

// Ant Design's Result carries its illustrations (about 40 KB): it loads when a result is shown,
// with the theme around it (a phone's plain customer list has none of its own: app/lazy-antd.tsx)
// and the rest of the styles and messages.
const load = () =>
  Promise.all([withRest(import('./result-pages')), import('../../app/antd-frame')]).then(([pages, { AntdFrame }]) => ({
    NoPermissionResult: () => (
      <AntdFrame>
        <pages.NoPermissionResult />
      </AntdFrame>
    ),
    NotFoundResult: () => (
      <AntdFrame>
        <pages.NotFoundResult />
      </AntdFrame>
    ),
    QueryErrorResult: (props: { error: unknown; onRetry?: () => void }) => (
      <AntdFrame>
        <pages.QueryErrorResult {...props} />
      </AntdFrame>
    ),
  }));
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
  // Plain bars drawn like Ant Design's skeleton (app/plain.css): shown before any of it has loaded.
  return (
    <div className="plain-skeleton" data-testid="page-skeleton" aria-hidden>
      <div className="plain-skeleton-title" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="plain-skeleton-line" />
      ))}
    </div>
  );
}

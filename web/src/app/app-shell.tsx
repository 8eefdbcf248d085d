import { lazy, Suspense } from 'react';
import { useIsMobile } from '../shared/hooks/use-is-mobile';
import { PageSkeleton } from '../shared/layout/results';
import { PhoneShell } from './phone-shell';

// A wide screen's frame is Ant Design's layout (fetched at start-up beside this file: router.tsx);
// a phone's is plain elements, so that its first page carries none of Ant Design.
const loadDesktopShell = () => import('./desktop-shell');
const DesktopShell = lazy(() => loadDesktopShell().then((m) => ({ default: m.DesktopShell })));

/** The signed-in frame: the phone's or the wide screen's. */
export function AppShell() {
  const isMobile = useIsMobile();
  if (isMobile) return <PhoneShell />;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <DesktopShell />
    </Suspense>
  );
}

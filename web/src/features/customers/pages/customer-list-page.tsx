import { lazy, Suspense } from 'react';
import { withRest } from '../../../app/rest-of-app';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageSkeleton } from '../../../shared/layout/results';
import { CustomerListPhone } from '../components/customer-list-phone';
import { useCustomerListModel } from '../components/customer-list-model';

// A wide screen's list (Ant Design's table, filters, column chooser) is fetched at start-up beside
// this page (router.tsx); a phone's is plain cards and never downloads it.
const loadCustomerListDesktop = () => withRest(import('../components/customer-list-desktop'));
const CustomerListDesktop = lazy(() => loadCustomerListDesktop().then((m) => ({ default: m.CustomerListDesktop })));

export function CustomerListPage() {
  const t = useT();
  useDocumentTitle(t('customer.title'));
  const isMobile = useIsMobile();
  const model = useCustomerListModel();
  if (isMobile) return <CustomerListPhone model={model} />;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <CustomerListDesktop model={model} />
    </Suspense>
  );
}

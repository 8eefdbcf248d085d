import { Drawer } from 'antd';
import { lazy, Suspense } from 'react';
import { withRest } from './rest-of-app';
import { Brand } from './brand';
import { useT } from './i18n/i18n-context';

const NavigationMenu = lazy(() => withRest(import('./navigation-menu')).then((m) => ({ default: m.NavigationMenu })));

/** A phone's menu: the sidebar's, in a drawer from the left, closed by choosing a page. */
export function PhoneNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      placement="left"
      aria-label={t('app.brand')}
      open={open}
      onClose={onClose}
      size={256}
      closable={false}
      styles={{ body: { padding: 0, background: '#001529' } }}
    >
      <Brand collapsed={false} />
      <Suspense fallback={null}>
        <NavigationMenu onNavigate={onClose} />
      </Suspense>
    </Drawer>
  );
}

import { Flex, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { UserMenu } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { PageSkeleton } from '../shared/layout/results';
import { AntdFrame } from './antd-frame';
import { Brand } from './brand';
import { withRest } from './rest-of-app';
import { useT } from './i18n/i18n-context';
import { GlobalSearch } from './global-search';
import { LanguageSwitch } from './language-switch';

const { Header, Sider, Content } = Layout;

// The menu (some forty icons, Ant Design's Menu, the approval and task counts) is a chunk of its
// own, fetched beside this file.
const loadMenu = () => withRest(import('./navigation-menu'));
void loadMenu();
const NavigationMenu = lazy(() => loadMenu().then((m) => ({ default: m.NavigationMenu })));

/** The signed-in frame on a wide screen: sidebar, header with search, language and user menu. */
export function DesktopShell() {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <AntdFrame>
      <Layout style={{ minHeight: '100vh' }}>
        <a className="skip-link" href="#main-content">
          {t('app.skipToContent')}
        </a>
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          <Suspense fallback={null}>
            <NavigationMenu onNavigate={() => undefined} />
          </Suspense>
        </Sider>
        <Layout style={{ minWidth: 0 }}>
          <Header
            style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10, paddingInline: 16 }}
          >
            <Flex align="center" justify="space-between" style={{ height: '100%', width: '100%' }} gap={8}>
              <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
                <GlobalSearch />
              </Flex>
              <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
                <NotificationBell />
                <LanguageSwitch />
                <UserMenu />
              </Flex>
            </Flex>
          </Header>
          <Content id="main-content" tabIndex={-1} style={{ padding: 24, minWidth: 0, outline: 'none' }}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
    </AntdFrame>
  );
}

import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { UserMenu } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { useIsMobile } from '../shared/hooks/use-is-mobile';
import { PageSkeleton } from '../shared/layout/results';
import { withRestStyles } from './antd-styles';
import { useT } from './i18n/i18n-context';
import { GlobalSearch } from './global-search';
import { LanguageSwitch } from './language-switch';

const { Header, Sider, Content } = Layout;

// The menu (some forty icons, Ant Design's Menu, the approval and task counts) is a chunk of its
// own: a desktop shows it at once and fetches it beside this file; a phone when its drawer opens.
const loadMenu = () => withRestStyles(import('./navigation-menu'));
if (!window.matchMedia('(max-width: 767.98px)').matches) void loadMenu();
const NavigationMenu = lazy(() => loadMenu().then((m) => ({ default: m.NavigationMenu })));

function Brand({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20, gap: 10 }}>
      <div
        aria-hidden
        style={{
          width: 28,
          height: 28,
          borderRadius: 6,
          background: '#1664ff',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          flex: 'none',
        }}
      >
        C
      </div>
      {collapsed ? null : (
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }} ellipsis>
          {t('app.brand')}
        </Typography.Text>
      )}
    </div>
  );
}

/** The signed-in frame: sidebar (a drawer on phones), header with language and user menu. */
export function AppShell() {
  const t = useT();
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);

  const menu = (
    <Suspense fallback={null}>
      <NavigationMenu onNavigate={closeDrawer} />
    </Suspense>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      {isMobile ? (
        <Drawer
          placement="left"
          aria-label={t('app.brand')}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={256}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            paddingInline: isMobile ? 8 : 16,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%', width: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
              {isMobile ? null : <GlobalSearch />}
              {isMobile ? (
                <>
                  <Button
                    type="text"
                    icon={<MenuOutlined />}
                    onClick={() => setDrawerOpen(true)}
                    aria-label={t('nav.openMenu')}
                    data-testid="nav-toggle"
                  />
                  <Typography.Text strong ellipsis>
                    {t('app.name')}
                  </Typography.Text>
                </>
              ) : null}
            </Flex>
            <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
              {isMobile ? <GlobalSearch /> : null}
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Flex>
        </Header>
        <Content id="main-content" tabIndex={-1} style={{ padding: isMobile ? 12 : 24, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

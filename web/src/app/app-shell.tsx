import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useDueTaskCount } from '../features/activities';
import { usePendingApprovalCount } from '../features/approvals';
import { UserMenu, usePermissions } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { useIsMobile } from '../shared/hooks/use-is-mobile';
import { PageSkeleton } from '../shared/layout/results';
import { useT } from './i18n/i18n-context';
import { GlobalSearch } from './global-search';
import { LanguageSwitch } from './language-switch';
import { buildMenuItems, selectedMenuKey } from './navigation';

const { Header, Sider, Content } = Layout;

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
  const { can, me } = usePermissions();
  const isMobile = useIsMobile();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const pendingApprovals = usePendingApprovalCount();
  const dueTasks = useDueTaskCount(can('tasks.view') ? (me?.user.id ?? null) : null);
  const items = useMemo(() => buildMenuItems(can, t, { '/approvals': pendingApprovals, '/tasks': dueTasks }), [can, t, pendingApprovals, dueTasks]);
  const selected = selectedMenuKey(location.pathname);
  // The entries are links: they navigate themselves (and open in a new tab with Ctrl or the middle button).
  const onClick: MenuProps['onClick'] = () => setDrawerOpen(false);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={['admin', 'settings']}
      onClick={onClick}
      data-testid="nav-menu"
    />
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

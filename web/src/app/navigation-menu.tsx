import { Menu } from 'antd';
import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { useDueTaskCount } from '../features/activities';
import { usePendingApprovalCount } from '../features/approvals';
import { usePermissions } from '../features/auth';
import { useT } from './i18n/i18n-context';
import { buildMenuItems, selectedMenuKey } from './navigation';

/**
 * The sidebar's menu with its icons and the counts of waiting approvals and tasks: a chunk of its
 * own, fetched at start-up on a desktop (where the sidebar shows) and when the menu is first
 * opened on a phone (app-shell.tsx).
 */
export function NavigationMenu({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const { can, me } = usePermissions();
  const location = useLocation();
  const pendingApprovals = usePendingApprovalCount();
  const dueTasks = useDueTaskCount(can('tasks.view') ? (me?.user.id ?? null) : null);
  const items = useMemo(() => buildMenuItems(can, t, { '/approvals': pendingApprovals, '/tasks': dueTasks }), [can, t, pendingApprovals, dueTasks]);
  // The entries are links: they navigate themselves (and open in a new tab with Ctrl or the middle button).
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selectedMenuKey(location.pathname)]}
      defaultOpenKeys={['admin', 'settings']}
      onClick={onNavigate}
      data-testid="nav-menu"
    />
  );
}

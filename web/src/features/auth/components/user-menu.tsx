import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useLogout, useMe } from '../api';

// Both dialogs load when first opened: the frame every page waits for carries neither form.
const ChangePasswordModal = lazy(() => import('./change-password-modal').then((m) => ({ default: m.ChangePasswordModal })));
const NotificationPreferencesModal = lazy(() => import('../../email').then((m) => ({ default: m.NotificationPreferencesModal })));

/** The user's menu; `defaultOpen` when a phone's plain header button loaded it by being tapped. */
export function UserMenu({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { data: me } = useMe();
  const logout = useLogout();
  /** null until the dialog is first opened. */
  const [passwordOpen, setPasswordOpen] = useState<boolean | null>(null);
  const [prefsOpen, setPrefsOpen] = useState<boolean | null>(null);
  const [menuOpen, setMenuOpen] = useState(defaultOpen);

  const items: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="change-password">{t('header.changePassword')}</span>,
    },
    {
      key: 'notifications',
      icon: <BellOutlined />,
      label: <span data-testid="notification-settings">{t('prefs.menu')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('header.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    setMenuOpen(false);
    if (key === 'password') setPasswordOpen(true);
    if (key === 'notifications') setPrefsOpen(true);
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.info(t('header.loggedOut'));
          void navigate('/login', { replace: true });
        },
      });
    }
  };

  const name = me?.user.name ?? '';
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight" open={menuOpen} onOpenChange={setMenuOpen}>
        <Button type="text" data-testid="user-menu" aria-label={name} style={{ paddingInline: 8 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1664ff' }} />
          {isMobile ? null : <span>{name}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {passwordOpen === null ? null : <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />}
        {prefsOpen === null ? null : <NotificationPreferencesModal open={prefsOpen} onClose={() => setPrefsOpen(false)} />}
      </Suspense>
    </>
  );
}

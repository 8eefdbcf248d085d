import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { Outlet, useMatch } from 'react-router-dom';
import { useMe } from '../features/auth';
import { useNotifications } from '../features/notifications';
import { PlainIcon } from '../shared/layout/plain-icon';
import { PageSkeleton } from '../shared/layout/results';
import { useT } from './i18n/i18n-context';
import { useLanguageToggle } from './language-toggle';
import { lazyAntd } from './lazy-antd';
import './plain.css';

// Everything Ant Design in the phone's frame loads when first tapped: the header is plain buttons.
const PhoneNav = lazyAntd(() => import('./phone-nav').then((m) => m.PhoneNav));
const SearchDialog = lazyAntd(() => import('./global-search-dialog').then((m) => m.GlobalSearchDialog));
const Notifications = lazyAntd(() => import('../features/notifications/components/notification-bell').then((m) => m.NotificationDrawer));
const UserMenu = lazyAntd(() => import('../features/auth/components/user-menu').then((m) => m.UserMenu));
// A page other than the customer list is drawn with Ant Design: the theme comes around it.
const AntdFrame = lazy(() => import('./antd-frame').then((m) => ({ default: m.AntdFrame })));

/** Open state of a part that loads on first use: null until then. */
function useOnFirstUse() {
  const [open, setOpen] = useState<boolean | null>(null);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  return { open, show, hide };
}

function NotificationButton({ onClick }: { onClick: () => void }) {
  const t = useT();
  const unread = useNotifications().data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.unreadLabel', { count: unread }) : t('notifications.title');
  return (
    <button type="button" className="phone-icon-button" aria-label={label} title={label} onClick={onClick} data-testid="notification-bell">
      <span className="phone-badge-holder" data-testid="notification-count" data-count={unread}>
        <PlainIcon name="bell" />
        {unread > 0 ? (
          <span className="phone-badge" aria-hidden>
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </span>
    </button>
  );
}

function UserButton() {
  const { data: me } = useMe();
  const [used, setUsed] = useState(false);
  const button = (
    <button type="button" className="phone-icon-button" aria-label={me?.user.name ?? ''} onClick={() => setUsed(true)} data-testid="user-menu">
      <span className="phone-avatar">
        <PlainIcon name="user" />
      </span>
    </button>
  );
  // Once tapped, Ant Design's menu takes the button's place, open.
  if (!used) return button;
  return (
    <Suspense fallback={button}>
      <UserMenu defaultOpen />
    </Suspense>
  );
}

/** A page's theme: none for the phone's customer list (plain elements), Ant Design's for the others. */
function PageFrame({ plain, children }: { plain: boolean; children: ReactNode }) {
  if (plain) return <>{children}</>;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <AntdFrame>{children}</AntdFrame>
    </Suspense>
  );
}

/**
 * The signed-in frame on a phone: a header of plain buttons (menu, search, notifications,
 * language, user), whose drawers and menus load when first opened, and the page below. The
 * customer list, where most sessions start, shows without any of Ant Design.
 */
export function PhoneShell() {
  const t = useT();
  const nav = useOnFirstUse();
  const search = useOnFirstUse();
  const notifications = useOnFirstUse();
  const language = useLanguageToggle();
  const plainPage = useMatch('/customers') !== null;

  return (
    <div className="phone-shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="phone-header">
        <button type="button" className="phone-icon-button" onClick={nav.show} aria-label={t('nav.openMenu')} data-testid="nav-toggle">
          <PlainIcon name="menu" />
        </button>
        <span className="phone-title">{t('app.name')}</span>
        <button type="button" className="phone-icon-button" onClick={search.show} aria-label={t('search.open')} data-testid="global-search">
          <PlainIcon name="search" />
        </button>
        <NotificationButton onClick={notifications.show} />
        <button type="button" className="phone-text-button" onClick={language.toggle} title={language.title} lang={language.next} data-testid="lang-switch">
          <PlainIcon name="global" /> {language.label}
        </button>
        <UserButton />
      </header>
      <Suspense fallback={null}>
        {nav.open === null ? null : <PhoneNav open={nav.open} onClose={nav.hide} />}
        {search.open === null ? null : <SearchDialog open={search.open} onClose={search.hide} />}
        {notifications.open === null ? null : <Notifications open={notifications.open} onClose={notifications.hide} />}
      </Suspense>
      <main id="main-content" tabIndex={-1} className="phone-content">
        <PageFrame plain={plainPage}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </PageFrame>
      </main>
    </div>
  );
}

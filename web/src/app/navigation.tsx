import {
  AccountBookOutlined,
  ApartmentOutlined,
  AimOutlined,
  BranchesOutlined,
  FundOutlined,
  PieChartOutlined,
  LineChartOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TagsOutlined,
  AuditOutlined,
  CalendarOutlined,
  GiftOutlined,
  CreditCardOutlined,
  CheckSquareOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  CloudUploadOutlined,
  NodeIndexOutlined,
  ContactsOutlined,
  ControlOutlined,
  DeleteOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  ShoppingOutlined,
  FormOutlined,
  GlobalOutlined,
  HistoryOutlined,
  InboxOutlined,
  MailOutlined,
  PaperClipOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, type MenuProps } from 'antd';
import type { Permission } from '@crm/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MessageKey } from './i18n/translate';

interface NavLeaf {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Absent: any signed-in user (the workbench). */
  permission?: Permission;
  /** Besides `permission`, one of these: a page only to look at is no menu entry for a user who may change nothing there. */
  manage?: Permission[];
  /** Shown with a count (things waiting for the user); a count above zero shows the entry even without `permission`. */
  badged?: boolean;
}

/** Counts shown beside menu entries, by path (`/approvals`: what waits for my decision). */
export type MenuBadges = Partial<Record<string, number>>;

const mainItems: NavLeaf[] = [
  // The home page: every signed-in user's day (its cards follow their permissions).
  { path: '/', label: 'nav.workbench', icon: <DashboardOutlined /> },
  { path: '/customers', label: 'nav.customers', icon: <TeamOutlined />, permission: 'customers.view' },
  { path: '/pool', label: 'nav.pool', icon: <InboxOutlined />, permission: 'customers.view' },
  { path: '/tasks', label: 'nav.tasks', icon: <CarryOutOutlined />, permission: 'tasks.view', badged: true },
  { path: '/reports', label: 'nav.reports', icon: <ProfileOutlined />, permission: 'reports.view' },
  { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, permission: 'tasks.view' },
  { path: '/visits', label: 'nav.visits', icon: <EnvironmentOutlined />, permission: 'followups.view' },
  { path: '/leads', label: 'nav.leads', icon: <AimOutlined />, permission: 'leads.view' },
  { path: '/lead-pool', label: 'nav.leadPool', icon: <InboxOutlined />, permission: 'leads.view' },
  { path: '/opportunities', label: 'nav.opportunities', icon: <ProjectOutlined />, permission: 'opportunities.view' },
  { path: '/forecast', label: 'nav.forecast', icon: <LineChartOutlined />, permission: 'opportunities.view' },
  { path: '/quotes', label: 'nav.quotes', icon: <FileTextOutlined />, permission: 'quotes.view' },
  { path: '/targets', label: 'nav.targets', icon: <TrophyOutlined />, permission: 'targets.view' },
  { path: '/analytics', label: 'nav.analytics', icon: <PieChartOutlined />, permission: 'analytics.view' },
  { path: '/contracts', label: 'nav.contracts', icon: <FileDoneOutlined />, permission: 'contracts.view' },
  { path: '/receivables', label: 'nav.receivables', icon: <AccountBookOutlined />, permission: 'receivables.view' },
  { path: '/approvals', label: 'nav.approvals', icon: <CheckSquareOutlined />, permission: 'approvals.view', badged: true },
  { path: '/products', label: 'nav.products', icon: <ShoppingOutlined />, permission: 'products.view' },
  { path: '/price-lists', label: 'nav.priceLists', icon: <DollarOutlined />, permission: 'products.view' },
  { path: '/contacts', label: 'nav.contacts', icon: <ContactsOutlined />, permission: 'contacts.view' },
  { path: '/imports', label: 'nav.imports', icon: <CloudUploadOutlined />, permission: 'customers.import' },
  { path: '/data-quality', label: 'nav.dataQuality', icon: <AuditOutlined />, permission: 'customers.view' },
];

const adminItems: NavLeaf[] = [
  // Everyone who picks owners reads users and departments (users.view, departments.view); the
  // administration pages are for those who manage them.
  { path: '/admin/users', label: 'nav.users', icon: <UserOutlined />, permission: 'users.view', manage: ['users.create', 'users.edit', 'users.delete'] },
  {
    path: '/admin/departments',
    label: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'departments.view',
    manage: ['departments.create', 'departments.edit', 'departments.delete'],
  },
  { path: '/admin/roles', label: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'roles.view' },
  { path: '/admin/recycle-bin', label: 'nav.recycleBin', icon: <DeleteOutlined />, permission: 'recycle_bin.view' },
];

/** The 设置 group: administrator settings pages (editable with settings.edit). */
const settingsItems: NavLeaf[] = [
  { path: '/admin/company-settings', label: 'nav.companySettings', icon: <GlobalOutlined />, permission: 'settings.view' },
  { path: '/admin/email-settings', label: 'nav.emailSettings', icon: <MailOutlined />, permission: 'settings.view' },
  { path: '/admin/pool-rules', label: 'nav.poolRules', icon: <ControlOutlined />, permission: 'settings.view' },
  { path: '/admin/attachment-settings', label: 'nav.attachmentSettings', icon: <PaperClipOutlined />, permission: 'settings.view' },
  { path: '/admin/custom-fields', label: 'nav.customFields', icon: <FormOutlined />, permission: 'settings.view' },
  { path: '/admin/quality-settings', label: 'nav.qualitySettings', icon: <AuditOutlined />, permission: 'settings.view' },
  { path: '/admin/export-log', label: 'nav.exportLog', icon: <HistoryOutlined />, permission: 'settings.view' },
  { path: '/admin/lead-sources', label: 'nav.leadSources', icon: <TagsOutlined />, permission: 'settings.view' },
  { path: '/admin/industries', label: 'nav.industries', icon: <TagsOutlined />, permission: 'settings.view' },
  { path: '/admin/lead-assignment', label: 'nav.leadAssignment', icon: <ShareAltOutlined />, permission: 'settings.view' },
  { path: '/admin/lead-forms', label: 'nav.leadForms', icon: <SolutionOutlined />, permission: 'settings.view' },
  { path: '/admin/pipelines', label: 'nav.pipelines', icon: <BranchesOutlined />, permission: 'settings.view' },
  { path: '/admin/sales-settings', label: 'nav.salesSettings', icon: <FundOutlined />, permission: 'settings.view' },
  { path: '/admin/contract-settings', label: 'nav.contractSettings', icon: <FileDoneOutlined />, permission: 'settings.view' },
  { path: '/admin/reminder-settings', label: 'nav.reminderSettings', icon: <GiftOutlined />, permission: 'settings.view' },
  { path: '/admin/credit-settings', label: 'nav.creditSettings', icon: <CreditCardOutlined />, permission: 'settings.view' },
  { path: '/admin/analytics-settings', label: 'nav.analyticsSettings', icon: <PieChartOutlined />, permission: 'analytics.manage' },
  { path: '/admin/approval-flows', label: 'nav.approvalFlows', icon: <NodeIndexOutlined />, permission: 'approvals.admin' },
];

type MenuItem = Required<MenuProps>['items'][number];
type Can = (permission: Permission) => boolean;

const visible = (can: Can, badges: MenuBadges = {}) => (item: NavLeaf) =>
  ((item.permission === undefined || can(item.permission)) && (!item.manage || item.manage.some(can))) || (item.badged === true && (badges[item.path] ?? 0) > 0);

/** The sidebar menu: only the entries the user's permissions allow, each a link (a new tab opens it). Keys are paths. */
export function buildMenuItems(can: Can, t: (key: MessageKey) => string, badges: MenuBadges = {}): MenuItem[] {
  const leaf = (item: NavLeaf): MenuItem => {
    const count = item.badged ? (badges[item.path] ?? 0) : 0;
    return {
      key: item.path,
      icon: item.icon,
      label: (
        <Link to={item.path}>
          {t(item.label)}
          {count > 0 ? <Badge count={count} size="small" offset={[6, -2]} data-testid={`nav-badge-${item.path.split('/').pop() ?? ''}`} /> : null}
        </Link>
      ),
      'data-testid': `nav-${item.path.split('/').pop() || 'workbench'}`,
    } as MenuItem;
  };
  const items: MenuItem[] = mainItems.filter(visible(can, badges)).map(leaf);
  const admin = adminItems.filter(visible(can)).map(leaf);
  if (admin.length > 0) {
    items.push({ key: 'admin', icon: <SettingOutlined />, label: t('nav.admin'), children: admin });
  }
  const settings = settingsItems.filter(visible(can)).map(leaf);
  if (settings.length > 0) {
    items.push({ key: 'settings', icon: <ControlOutlined />, label: t('nav.settings'), children: settings });
  }
  return items;
}

/** The menu key that matches a location (a record page highlights its list). */
export function selectedMenuKey(pathname: string): string {
  const all = [...mainItems, ...adminItems, ...settingsItems];
  const match = all.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  return match ? match.path : pathname;
}

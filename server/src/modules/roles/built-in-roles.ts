import { allPermissions, type BuiltInRoleKey, type DataScope, type Permission } from '@crm/contracts';

interface BuiltInRole {
  key: BuiltInRoleKey;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: Permission[];
}

/** The roles every installation starts with; administrators may change all but the administrator. */
export const builtInRoles: BuiltInRole[] = [
  {
    key: 'administrator',
    name: '系统管理员 Administrator',
    description: 'Everything, all records.',
    dataScope: 'all',
    permissions: allPermissions,
  },
  {
    key: 'sales_manager',
    name: '销售经理 Sales manager',
    description: 'All sales work for their department and the departments below it.',
    dataScope: 'department_tree',
    permissions: [
      'customers.view', 'customers.create', 'customers.edit', 'customers.delete', 'customers.import',
      'customers.export', 'customers.assign', 'customers.claim', 'customers.merge', 'customers.view_sensitive',
      'contacts.view', 'contacts.create', 'contacts.edit', 'contacts.delete', 'contacts.import',
      'contacts.export', 'contacts.view_sensitive',
      'leads.view', 'leads.create', 'leads.edit', 'leads.delete', 'leads.import', 'leads.assign', 'leads.claim', 'leads.convert',
      'opportunities.view', 'opportunities.create', 'opportunities.edit', 'opportunities.delete', 'opportunities.assign',
      'products.view', 'products.edit', 'quotes.view', 'quotes.create', 'quotes.edit', 'quotes.delete',
      'targets.view', 'targets.edit',
      'contracts.view', 'contracts.create', 'contracts.edit', 'contracts.delete',
      'receivables.view', 'receivables.edit',
      'followups.view', 'followups.create', 'followups.edit', 'followups.delete', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete',
      'users.view', 'departments.view', 'roles.view', 'settings.view',
      'approvals.view',
      'reports.view', 'reports.create',
      'views.share',
      'analytics.view',
    ],
  },
  {
    key: 'salesperson',
    name: '销售员 Salesperson',
    description: 'Their own customers and the public pool.',
    dataScope: 'own',
    permissions: [
      'customers.view', 'customers.create', 'customers.edit', 'customers.delete', 'customers.claim',
      'contacts.view', 'contacts.create', 'contacts.edit', 'contacts.delete',
      'leads.view', 'leads.create', 'leads.edit', 'leads.delete', 'leads.claim', 'leads.convert',
      'opportunities.view', 'opportunities.create', 'opportunities.edit', 'opportunities.delete',
      'products.view', 'quotes.view', 'quotes.create', 'quotes.edit', 'quotes.delete',
      'targets.view',
      'contracts.view', 'contracts.create', 'contracts.edit', 'contracts.delete',
      'receivables.view', 'receivables.edit',
      'followups.view', 'followups.create', 'followups.edit', 'followups.delete', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete',
      'users.view', 'departments.view',
      'approvals.view',
      'reports.view', 'reports.create',
      'analytics.view',
    ],
  },
  {
    key: 'service_agent',
    name: '客服专员 Service agent',
    description: 'Sees every customer to serve them; keeps contacts up to date.',
    dataScope: 'all',
    permissions: [
      'customers.view', 'contacts.view', 'contacts.create', 'contacts.edit', 'opportunities.view', 'products.view', 'quotes.view', 'contracts.view', 'users.view', 'departments.view', 'approvals.view',
      'followups.view', 'followups.create', 'followups.edit', 'followups.delete', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete',
    ],
  },
  {
    key: 'marketing',
    name: '市场专员 Marketing',
    description: 'Reads and exports customers and contacts for campaigns; captures and distributes leads.',
    dataScope: 'all',
    permissions: [
      'customers.view', 'customers.export', 'contacts.view', 'contacts.export',
      'leads.view', 'leads.create', 'leads.edit', 'leads.import', 'leads.assign', 'opportunities.view', 'products.view',
      'followups.view', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete',
      'users.view', 'departments.view',
    ],
  },
  {
    key: 'read_only',
    name: '只读 Read-only',
    description: 'Reads customers and contacts, changes nothing.',
    dataScope: 'all',
    permissions: ['customers.view', 'contacts.view', 'leads.view', 'opportunities.view', 'products.view', 'quotes.view', 'contracts.view', 'receivables.view', 'targets.view', 'users.view', 'departments.view', 'approvals.view',
      'followups.view', 'tasks.view', 'analytics.view'],
  },
  {
    key: 'finance',
    name: '财务 Finance',
    description: 'Payment plans, payments and invoices of every contract, and the receivables page; reads customers, edits none.',
    dataScope: 'all',
    permissions: [
      'customers.view', 'contacts.view', 'opportunities.view', 'products.view', 'quotes.view', 'contracts.view',
      'receivables.view', 'receivables.edit', 'targets.view', 'users.view', 'departments.view', 'approvals.view',
      'followups.view', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete',
      'analytics.view',
    ],
  },
];

import { z } from 'zod';
import { mobileField } from './phones.js';
import { email, id, listOf, pageQuery, recordMeta, versionField } from './common.js';
import { multiline } from './text.js';

export const dataScopes = ['own', 'department', 'department_tree', 'all'] as const;
export type DataScope = (typeof dataScopes)[number];

/** Each module and the actions that make sense for it; a permission is `module.action`. */
export const permissionCatalog = {
  customers: ['view', 'create', 'edit', 'delete', 'import', 'export', 'assign', 'claim', 'merge', 'view_sensitive'],
  contacts: ['view', 'create', 'edit', 'delete', 'import', 'export', 'view_sensitive'],
  users: ['view', 'create', 'edit', 'delete'],
  departments: ['view', 'create', 'edit', 'delete'],
  roles: ['view', 'create', 'edit', 'delete'],
  /** Leads (线索): `assign` gives leads to users, `claim` takes them from the lead pool. */
  leads: ['view', 'create', 'edit', 'delete', 'import', 'assign', 'claim', 'convert'],
  /** Opportunities (商机): `assign` hands a deal to another owner. */
  opportunities: ['view', 'create', 'edit', 'delete', 'assign'],
  /** Products, their categories and price lists: `edit` manages the catalogue. */
  products: ['view', 'edit'],
  /** Quotations (报价单). */
  quotes: ['view', 'create', 'edit', 'delete'],
  /** Sales targets (销售目标): `edit` sets them for the users and departments in scope. */
  targets: ['view', 'edit'],
  /** Contracts and orders (合同/订单). */
  contracts: ['view', 'create', 'edit', 'delete'],
  /** Receivables (回款): payment plans, payments received and invoices of the contracts in scope. */
  receivables: ['view', 'edit'],
  /** Follow-up records (跟进记录) on the customers in scope: `edit`/`delete` your own, or those of the authors in your scope. */
  followups: ['view', 'create', 'edit', 'delete'],
  /** Tasks (任务) of the assignees in scope; `create` also gives tasks to users in scope. */
  tasks: ['view', 'create', 'edit', 'delete'],
  /** Work reports (工作日报/周报): `create` writes, edits and deletes your own; `view` reads yours and those of the authors in your scope, and comments on them. */
  reports: ['view', 'create'],
  /** Saved list views (视图): `share` shares a view with a department or everyone (a personal view needs nothing more than the list). */
  views: ['share'],
  recycle_bin: ['view', 'restore', 'purge'],
  /** Settings: pool rules, custom fields, expected fields, attachment limits, lead sources, assignment rules, web forms, pipelines. */
  settings: ['view', 'edit'],
  /** Approvals (审批): `view` lists the requests on records in your data scope; `admin` defines the flows and sees every request. */
  approvals: ['view', 'admin'],
  /** Customer analytics (客户分析): `view` reads the classes of the customers in scope; `manage` changes the thresholds and starts a recomputation. */
  analytics: ['view', 'manage'],
} as const;
export type PermissionModule = keyof typeof permissionCatalog;
export type Permission = {
  [M in PermissionModule]: `${M}.${(typeof permissionCatalog)[M][number]}`;
}[PermissionModule];
export const allPermissions = Object.entries(permissionCatalog).flatMap(([m, actions]) =>
  actions.map((a) => `${m}.${a}`),
) as Permission[];
export const permission = z.enum(allPermissions as [Permission, ...Permission[]]);

export const builtInRoleKeys = [
  'administrator',
  'sales_manager',
  'salesperson',
  'service_agent',
  'marketing',
  'read_only',
  'finance',
] as const;
export type BuiltInRoleKey = (typeof builtInRoleKeys)[number];

export const role = z.object({
  ...recordMeta,
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtIn: z.boolean(),
  permissions: z.array(permission),
  dataScope: z.enum(dataScopes),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof role>;
export const roleList = listOf(role);

const roleKey = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'a-z, 0-9, _' });
const roleFields = {
  name: z.string().trim().min(1).max(60),
  description: multiline(500),
  permissions: z.array(permission).max(200),
  dataScope: z.enum(dataScopes),
};
export const roleCreate = z
  .object({
    key: roleKey,
    ...roleFields,
    description: roleFields.description.optional(),
    permissions: roleFields.permissions.default([]),
    dataScope: roleFields.dataScope.default('own'),
  })
  .strict();
export type RoleCreate = z.input<typeof roleCreate>;
// From the fields without defaults: in Zod 4 `.partial()` keeps a default, so a PATCH leaving a
// field out would reset it (a role renamed would lose its permissions).
export const roleUpdate = z.object(roleFields).partial().extend(versionField).strict();
export type RoleUpdate = z.input<typeof roleUpdate>;

export const department = z.object({
  ...recordMeta,
  name: z.string(),
  parentId: z.number().int().nullable(),
  /** The department's head (负责人), told about big deals of its users. */
  managerId: z.number().int().nullable(),
  userCount: z.number().int(),
});
export type Department = z.infer<typeof department>;
export const departmentList = listOf(department);
const departmentFields = {
  name: z.string().trim().min(1).max(80),
  parentId: z.number().int().positive().max(2_147_483_647).nullable(),
  managerId: z.number().int().positive().max(2_147_483_647).nullable(),
};
export const departmentCreate = z
  .object({ ...departmentFields, parentId: departmentFields.parentId.default(null), managerId: departmentFields.managerId.default(null) })
  .strict();
export type DepartmentCreate = z.input<typeof departmentCreate>;
// Built from the fields without defaults: a PATCH that leaves a field out must not reset it.
export const departmentUpdate = z.object(departmentFields).partial().extend(versionField).strict();
export type DepartmentUpdate = z.input<typeof departmentUpdate>;

/** A new password: the server also checks its strength (zxcvbn score 3, not the user's email or name). */
export const password = z.string().min(10).max(200);

export const user = z.object({
  ...recordMeta,
  email: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  roleId: z.number().int(),
  active: z.boolean(),
  locale: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;
export const userList = listOf(user);
/** A mobile number (users, customers, contacts, leads); see phones.ts. */
export const mobile = mobileField;
const userFields = {
  email,
  name: z.string().trim().min(1).max(80),
  password,
  mobile: mobile.nullable(),
  departmentId: z.number().int().positive().max(2_147_483_647).nullable(),
  roleId: z.number().int().positive().max(2_147_483_647),
  active: z.boolean(),
};
export const userCreate = z
  .object({
    ...userFields,
    mobile: userFields.mobile.optional(),
    departmentId: userFields.departmentId.default(null),
    active: userFields.active.default(true),
  })
  .strict();
export type UserCreate = z.input<typeof userCreate>;
// From the fields without defaults: a PATCH leaving out the department or `active` keeps them.
export const userUpdate = z.object(userFields).partial().extend(versionField).strict();
export type UserUpdate = z.input<typeof userUpdate>;
export const userListQuery = z
  .object({
    ...pageQuery,
    departmentId: id.optional(),
    roleId: id.optional(),
    active: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const orgListQuery = z.object({ ...pageQuery }).strict();

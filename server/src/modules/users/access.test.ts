import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password } from '../../test/fixtures.js';
import { adminEmail, createTestApp, errorAt, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Privilege escalation (issue 10, finding 7): nobody but an administrator grants a permission or
 * a data scope wider than their own, changes their own role, department or active state, or
 * changes users whose role is above theirs; on every path that changes roles, permissions, scope,
 * department or active state.
 */
let t: TestApp;
let admin: Agent;
/** Holds users.* with the department-tree scope, in 销售部. */
let userAdmin: Agent;
/** Holds roles.* with the own scope. */
let roleEditor: Agent;
const ids = {} as Record<'sales' | 'east' | 'service' | 'adminRole' | 'userAdminRole' | 'roleEditorRole' | 'viewerRole' | 'admin' | 'userAdmin' | 'roleEditor' | 'inside' | 'outside', number>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  const dept = async (name: string, parentId: number | null) => (await admin.post('/api/v1/departments', { name, parentId })).body.id as number;
  ids.sales = await dept('销售部', null);
  ids.east = await dept('华东组', ids.sales);
  ids.service = await dept('客服部', null);
  const role = async (key: string, permissions: string[], dataScope: string) => (await admin.post('/api/v1/roles', { key, name: key, permissions, dataScope })).body.id as number;
  ids.userAdminRole = await role('user_admin', ['users.view', 'users.create', 'users.edit', 'users.delete', 'roles.view', 'departments.view', 'customers.view'], 'department_tree');
  ids.roleEditorRole = await role('role_editor', ['roles.view', 'roles.create', 'roles.edit', 'roles.delete', 'customers.view'], 'own');
  ids.viewerRole = await role('viewer', ['customers.view'], 'own');
  ids.adminRole = (await admin.get('/api/v1/roles?q=administrator')).body.items[0].id;
  ids.admin = (await admin.get('/api/v1/auth/me')).body.user.id;
  const user = async (email: string, roleId: number, departmentId: number | null) => {
    const res = await admin.post('/api/v1/users', { email, name: email.split('@')[0], password, roleId, departmentId });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  };
  ids.userAdmin = await user('ua@example.com', ids.userAdminRole, ids.sales);
  ids.roleEditor = await user('re@example.com', ids.roleEditorRole, ids.sales);
  ids.inside = await user('inside@example.com', ids.viewerRole, ids.east);
  ids.outside = await user('outside@example.com', ids.viewerRole, ids.service);
  userAdmin = await t.login('ua@example.com', password);
  roleEditor = await t.login('re@example.com', password);
});
afterAll(() => t.close());

const versionOf = async (userId: number) => (await admin.get(`/api/v1/users/${userId}`)).body.version as number;

describe('users: role, department and active state', () => {
  it('nobody changes their own role, department or active state; unchanged values and other fields pass', async () => {
    const version = await versionOf(ids.userAdmin);
    const res = await userAdmin.patch(`/api/v1/users/${ids.userAdmin}`, { version, roleId: ids.adminRole, departmentId: ids.service, active: false, password: 'no-current-needed-9' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(errorPaths(res)).toEqual(['roleId', 'departmentId', 'active', 'password']);
    expect(errorAt(res, 'roleId')).toBe('You cannot change your own role.');
    const zh = await t.login('ua@example.com', password, 'zh-CN');
    expect(errorAt(await zh.patch(`/api/v1/users/${ids.userAdmin}`, { version, departmentId: ids.east }), 'departmentId')).toBe('不能修改自己所在的部门。');
    const after = (await admin.get(`/api/v1/users/${ids.userAdmin}`)).body;
    expect(after).toMatchObject({ roleId: ids.userAdminRole, departmentId: ids.sales, active: true, version });
    // The form sends what it shows: the same role, department and state are no change.
    const rename = await userAdmin.patch(`/api/v1/users/${ids.userAdmin}`, { version, name: '用户管理员', roleId: ids.userAdminRole, departmentId: ids.sales, active: true });
    expect(rename.status).toBe(200);
    expect(rename.body.name).toBe('用户管理员');
  });

  it('gives only roles within the giver’s own grant, on create and on change', async () => {
    const stronger = await userAdmin.post('/api/v1/users', { email: 'boss@example.com', name: 'Boss', password, roleId: ids.adminRole, departmentId: ids.east });
    expect(stronger.status).toBe(403);
    expect(errorAt(stronger, 'roleId')).toBe('You can only give a role whose permissions and data scope are within your own.');
    // A built-in role with permissions the giver lacks (customers.create...) is stronger too.
    const salesperson = (await admin.get('/api/v1/roles?q=salesperson')).body.items[0].id;
    expect((await userAdmin.post('/api/v1/users', { email: 'rep@example.com', name: 'Rep', password, roleId: salesperson })).status).toBe(403);
    expect((await admin.get('/api/v1/users?q=boss')).body.total).toBe(0);

    const within = await userAdmin.post('/api/v1/users', { email: 'helper@example.com', name: 'Helper', password, roleId: ids.viewerRole, departmentId: ids.east });
    expect(within.status).toBe(201);
    const promote = await userAdmin.patch(`/api/v1/users/${within.body.id}`, { version: within.body.version, roleId: ids.adminRole });
    expect(promote.status).toBe(403);
    expect(errorPaths(promote)).toEqual(['roleId']);
    expect((await admin.get(`/api/v1/users/${within.body.id}`)).body.roleId).toBe(ids.viewerRole);
    const peer = await userAdmin.patch(`/api/v1/users/${within.body.id}`, { version: within.body.version, roleId: ids.userAdminRole });
    expect(peer.status).toBe(200);
  });

  it('leaves users whose role is above the actor’s alone: no reset, no deactivation, no removal', async () => {
    const version = await versionOf(ids.admin);
    const reset = await userAdmin.patch(`/api/v1/users/${ids.admin}`, { version, password: 'taken-over-account-7' });
    expect(reset.status).toBe(403);
    expect(reset.body.error.message).toBe('This user’s role grants more than yours: only an administrator can change or remove them.');
    expect((await userAdmin.patch(`/api/v1/users/${ids.admin}`, { version, active: false })).status).toBe(403);
    expect((await userAdmin.delete(`/api/v1/users/${ids.admin}`)).status).toBe(403);
    expect(await versionOf(ids.admin)).toBe(version);
    await t.login(adminEmail, 'admin-password-1');
    // Removing oneself stays refused for everyone.
    expect((await userAdmin.delete(`/api/v1/users/${ids.userAdmin}`)).status).toBe(409);
  });

  it('does not take over the sign-in of a user outside the actor’s data scope, nor pull them into it', async () => {
    const version = await versionOf(ids.outside);
    const reset = await userAdmin.patch(`/api/v1/users/${ids.outside}`, { version, password: 'taken-over-account-7' });
    expect(reset.status).toBe(403);
    expect(errorPaths(reset)).toEqual(['password']);
    expect(errorPaths(await userAdmin.patch(`/api/v1/users/${ids.outside}`, { version, email: 'mine@example.com' }))).toEqual(['email']);
    const pull = await userAdmin.patch(`/api/v1/users/${ids.outside}`, { version, departmentId: ids.east });
    expect(pull.status).toBe(403);
    expect(errorAt(pull, 'departmentId')).toBe('You cannot move a user from outside your data scope into it.');
    expect(await versionOf(ids.outside)).toBe(version);
    // Within the scope the same changes pass; moving someone out of it is no gain either.
    const inside = await versionOf(ids.inside);
    expect((await userAdmin.patch(`/api/v1/users/${ids.inside}`, { version: inside, password: 'a-fresh-start-2026' })).status).toBe(200);
    expect((await userAdmin.patch(`/api/v1/users/${ids.inside}`, { version: inside + 1, departmentId: ids.service, active: false })).status).toBe(200);
  });

  it('administrators are exempt: they change their own department and give any role', async () => {
    const version = await versionOf(ids.admin);
    expect((await admin.patch(`/api/v1/users/${ids.admin}`, { version, departmentId: ids.sales })).status).toBe(200);
    const res = await admin.post('/api/v1/users', { email: 'second.admin@example.com', name: 'Second', password, roleId: ids.adminRole });
    expect(res.status).toBe(201);
  });
});

describe('roles: permissions and data scope', () => {
  const roleOf = async (id: number) => (await admin.get(`/api/v1/roles/${id}`)).body;

  it('a role editor creates only roles within their own grant', async () => {
    const wider = await roleEditor.post('/api/v1/roles', { key: 'power', name: 'Power', permissions: ['customers.view', 'settings.edit', 'users.edit'], dataScope: 'all' });
    expect(wider.status).toBe(403);
    expect(errorPaths(wider)).toEqual(['permissions', 'dataScope']);
    expect(errorAt(wider, 'permissions')).toBe('You can only grant permissions you hold yourself; you do not hold: settings.edit, users.edit.');
    expect(errorAt(wider, 'dataScope')).toBe('You can only grant a data scope as wide as your own at most.');
    const zh = await t.login('re@example.com', password, 'zh-CN');
    expect(errorAt(await zh.post('/api/v1/roles', { key: 'power', name: 'Power', permissions: ['settings.edit'], dataScope: 'own' }), 'permissions')).toBe('只能授予您自己拥有的权限，您没有：settings.edit。');
    expect((await admin.get('/api/v1/roles?q=power')).body.total).toBe(0);
    expect((await roleEditor.post('/api/v1/roles', { key: 'narrow', name: 'Narrow', permissions: ['customers.view'], dataScope: 'own' })).status).toBe(201);
  });

  it('a role editor cannot widen their own role or any other', async () => {
    const own = await roleOf(ids.roleEditorRole);
    const more = await roleEditor.patch(`/api/v1/roles/${ids.roleEditorRole}`, { version: own.version, permissions: [...own.permissions, 'settings.edit', 'users.edit'] });
    expect(more.status).toBe(403);
    expect(errorPaths(more)).toEqual(['permissions']);
    expect((await roleEditor.patch(`/api/v1/roles/${ids.roleEditorRole}`, { version: own.version, dataScope: 'all' })).status).toBe(403);
    const viewer = await roleOf(ids.viewerRole);
    expect((await roleEditor.patch(`/api/v1/roles/${ids.viewerRole}`, { version: viewer.version, dataScope: 'department' })).status).toBe(403);
    expect(await roleOf(ids.roleEditorRole)).toMatchObject({ permissions: own.permissions, dataScope: 'own', version: own.version });
    expect((await roleOf(ids.viewerRole)).dataScope).toBe('own');
    // Within the grant a change passes.
    expect((await roleEditor.patch(`/api/v1/roles/${ids.viewerRole}`, { version: viewer.version, name: '查看者' })).status).toBe(200);
  });

  it('a role above the editor’s is an administrator’s to change or delete', async () => {
    const stronger = await admin.post('/api/v1/roles', { key: 'stronger', name: 'Stronger', permissions: ['customers.view', 'customers.edit'], dataScope: 'all' });
    const rename = await roleEditor.patch(`/api/v1/roles/${stronger.body.id}`, { version: stronger.body.version, name: 'Mine now', permissions: ['customers.view'], dataScope: 'own' });
    expect(rename.status).toBe(403);
    expect(rename.body.error.message).toBe('This role grants more than yours: only an administrator can change or delete it.');
    expect((await roleEditor.patch(`/api/v1/roles/${ids.adminRole}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await roleEditor.delete(`/api/v1/roles/${stronger.body.id}`)).status).toBe(403);
    expect((await roleOf(stronger.body.id)).name).toBe('Stronger');
    expect((await admin.delete(`/api/v1/roles/${stronger.body.id}`)).status).toBe(204);
  });

  it('administrators grant anything', async () => {
    const res = await admin.post('/api/v1/roles', { key: 'everything', name: 'Everything', permissions: ['settings.edit', 'users.edit', 'roles.edit'], dataScope: 'all' });
    expect(res.status).toBe(201);
  });
});

describe('departments: the tree behind the data scope', () => {
  it('a department-tree editor cannot move another department, with its users and records, under their own', async () => {
    const role = (await admin.post('/api/v1/roles', { key: 'dept_editor', name: '部门编辑', permissions: ['departments.view', 'departments.create', 'departments.edit', 'customers.view'], dataScope: 'department_tree' })).body.id;
    await admin.post('/api/v1/users', { email: 'de@example.com', name: 'de', password, roleId: role, departmentId: ids.sales });
    const editor = await t.login('de@example.com', password);
    const service = (await admin.get(`/api/v1/departments/${ids.service}`)).body;
    const pull = await editor.patch(`/api/v1/departments/${ids.service}`, { version: service.version, parentId: ids.east });
    expect(pull.status).toBe(403);
    expect(errorAt(pull, 'parentId')).toBe('You cannot move a department from outside your data scope under your own department.');
    expect((await admin.get(`/api/v1/departments/${ids.service}`)).body.parentId).toBe(null);
    // Inside the tree, departments move freely.
    const team = (await editor.post('/api/v1/departments', { name: '华东一组', parentId: ids.sales })).body;
    expect((await editor.patch(`/api/v1/departments/${team.id}`, { version: team.version, parentId: ids.east })).status).toBe(200);
    expect((await admin.patch(`/api/v1/departments/${ids.service}`, { version: service.version, parentId: ids.sales })).status).toBe(200);
  });
});

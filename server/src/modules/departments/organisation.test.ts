import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

describe('departments, roles and users', () => {
  it('keeps a department tree of any depth and refuses cycles', async () => {
    const a = (await admin.post('/api/v1/departments', { name: 'A' })).body;
    const b = (await admin.post('/api/v1/departments', { name: 'B', parentId: a.id })).body;
    const c = (await admin.post('/api/v1/departments', { name: 'C', parentId: b.id })).body;
    const d = (await admin.post('/api/v1/departments', { name: 'D', parentId: c.id })).body;
    expect(d.parentId).toBe(c.id);
    const cycle = await admin.patch(`/api/v1/departments/${a.id}`, { version: a.version, parentId: d.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0].path).toBe('parentId');
    const moved = await admin.patch(`/api/v1/departments/${c.id}`, { version: c.version, parentId: a.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(a.id);
    const notEmpty = await admin.delete(`/api/v1/departments/${c.id}`);
    expect(notEmpty.status).toBe(409);
    expect((await admin.delete(`/api/v1/departments/${d.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/departments/${c.id}`)).status).toBe(204);
  });

  it('keeps the parent a PATCH leaves out, and sets a manager who must be an active user', async () => {
    const parent = (await admin.post('/api/v1/departments', { name: 'Parent' })).body;
    const child = (await admin.post('/api/v1/departments', { name: 'Child', parentId: parent.id })).body;
    const roles = (await admin.get('/api/v1/roles')).body.items as Array<{ key: string; id: number }>;
    const roleId = roles.find((r) => r.key === 'sales_manager')?.id;
    const head = (await admin.post('/api/v1/users', { email: 'head@example.com', name: 'Head', password: 'test-password-2026', roleId, departmentId: child.id })).body;
    const renamed = await admin.patch(`/api/v1/departments/${child.id}`, { version: child.version, name: 'Child 2', managerId: head.id });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Child 2', parentId: parent.id, managerId: head.id });
    const unknown = await admin.patch(`/api/v1/departments/${child.id}`, { version: renamed.body.version, managerId: 999999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('managerId');
    expect((await admin.get(`/api/v1/departments/${child.id}`)).body.managerId).toBe(head.id);
    const cleared = await admin.patch(`/api/v1/departments/${child.id}`, { version: renamed.body.version, managerId: null });
    expect(cleared.body).toMatchObject({ managerId: null, parentId: parent.id });
  });

  it('a moved subtree changes who a department-tree manager sees', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as Array<{ key: string; id: number }>;
    const roleId = (key: string) => roles.find((r) => r.key === key)?.id;
    const top = (await admin.post('/api/v1/departments', { name: 'Top' })).body;
    const other = (await admin.post('/api/v1/departments', { name: 'Other' })).body;
    const team = (await admin.post('/api/v1/departments', { name: 'Team', parentId: other.id })).body;
    await admin.post('/api/v1/users', { email: 'boss@example.com', name: 'Boss', password: 'test-password-2026', roleId: roleId('sales_manager'), departmentId: top.id });
    const rep = (await admin.post('/api/v1/users', { email: 'rep@example.com', name: 'Rep', password: 'test-password-2026', roleId: roleId('salesperson'), departmentId: team.id })).body;
    await admin.post('/api/v1/customers', { kind: 'person', name: '移动测试客户', ownerId: rep.id });
    const boss = await t.login('boss@example.com', 'test-password-2026');
    expect((await boss.get(`/api/v1/customers?q=${encodeURIComponent('移动测试')}`)).body.total).toBe(0);
    await admin.patch(`/api/v1/departments/${other.id}`, { version: other.version, parentId: top.id });
    expect((await boss.get(`/api/v1/customers?q=${encodeURIComponent('移动测试')}`)).body.total).toBe(1);
  });

  it('roles: built-in roles stay, custom roles change, roles in use cannot be deleted', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as Array<{ key: string; id: number; builtIn: boolean; version: number }>;
    expect(roles.filter((r) => r.builtIn).map((r) => r.key).sort()).toEqual(['administrator', 'finance', 'marketing', 'read_only', 'sales_manager', 'salesperson', 'service_agent']);
    const adminRole = roles.find((r) => r.key === 'administrator');
    expect((await admin.delete(`/api/v1/roles/${adminRole?.id}`)).status).toBe(409);
    // The administrator role keeps every permission whatever is sent.
    const stripped = await admin.patch(`/api/v1/roles/${adminRole?.id}`, { version: adminRole?.version, permissions: [] });
    expect(stripped.body.permissions).toContain('roles.edit');
    const custom = (await admin.post('/api/v1/roles', { key: 'auditor', name: '审计', permissions: ['customers.view'], dataScope: 'all' })).body;
    const dup = await admin.post('/api/v1/roles', { key: 'auditor', name: 'again' });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details[0].path).toBe('key');
    const changed = await admin.patch(`/api/v1/roles/${custom.id}`, { version: custom.version, permissions: ['customers.view', 'customers.export'] });
    expect(changed.body.permissions).toEqual(['customers.view', 'customers.export']);
    const user = (await admin.post('/api/v1/users', { email: 'auditor@example.com', name: 'Auditor', password: 'test-password-2026', roleId: custom.id })).body;
    const auditor = await t.login('auditor@example.com', 'test-password-2026');
    expect((await auditor.get('/api/v1/auth/me')).body.permissions).toEqual(['customers.view', 'customers.export']);
    expect((await admin.delete(`/api/v1/roles/${custom.id}`)).status).toBe(409);
    expect((await admin.delete(`/api/v1/users/${user.id}`)).status).toBe(204);
    expect((await auditor.get('/api/v1/auth/me')).status).toBe(401);
    // A removed user keeps their role for the record, so the role still cannot go.
    expect((await admin.delete(`/api/v1/roles/${custom.id}`)).status).toBe(409);
    const unused = (await admin.post('/api/v1/roles', { key: 'unused', name: '未用' })).body;
    expect((await admin.delete(`/api/v1/roles/${unused.id}`)).status).toBe(204);
  });

  it('users: unique email, admin password reset ends sessions, the last administrator stays', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as Array<{ key: string; id: number }>;
    const readOnly = roles.find((r) => r.key === 'read_only')?.id;
    const u = (await admin.post('/api/v1/users', { email: 'Reset@Example.com', name: 'Reset', password: 'test-password-2026', roleId: readOnly })).body;
    expect(u.email).toBe('reset@example.com');
    const dup = await admin.post('/api/v1/users', { email: 'reset@example.com', name: 'Again', password: 'test-password-2026', roleId: readOnly });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details[0].path).toBe('email');
    const session = await t.login('reset@example.com', 'test-password-2026');
    await admin.patch(`/api/v1/users/${u.id}`, { version: u.version, password: 'another-password' });
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    await t.login('reset@example.com', 'another-password');
    const me = (await admin.get('/api/v1/auth/me')).body;
    const demote = await admin.patch(`/api/v1/users/${me.user.id}`, { version: me.user.version, roleId: readOnly });
    expect(demote.status).toBe(409);
    expect((await admin.delete(`/api/v1/users/${me.user.id}`)).status).toBe(409);
    expect((await admin.get('/api/v1/auth/me')).body.role.key).toBe('administrator');
  });
});

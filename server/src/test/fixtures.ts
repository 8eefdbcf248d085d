import type { CustomerCreate } from '@crm/contracts';
import type { Agent, TestApp } from './harness.js';

let counter = 0;

/** A valid customer payload; override what the test is about. */
export function buildCustomer(overrides: Partial<CustomerCreate> = {}): CustomerCreate {
  counter += 1;
  return {
    kind: 'organization',
    name: `测试客户${counter}有限公司`,
    category: 'enterprise',
    status: 'potential',
    lifecycleStage: 'exploration',
    ...overrides,
  };
}

export const password = 'test-password-2026';

export interface Org {
  admin: Agent;
  ids: {
    hq: number; sales: number; east: number; north: number; service: number;
    manager: number; east1: number; east2: number; north1: number; agent: number; marketer: number; reader: number; eastLead: number;
  };
  roleIds: Record<string, number>;
  as: Record<'manager' | 'east1' | 'east2' | 'north1' | 'agent' | 'marketer' | 'reader' | 'eastLead', Agent>;
}

/**
 * A small company: 总公司 > 销售部 > (华东组, 华北组), 客服部; one user per built-in role, plus
 * a custom role `east_lead` with the "my department" scope.
 */
export async function createOrg(t: TestApp): Promise<Org> {
  const admin = await t.login();
  const roles = (await admin.get('/api/v1/roles?pageSize=200')).body.items as Array<{ key: string; id: number }>;
  const roleIds = Object.fromEntries(roles.map((r) => [r.key, r.id]));
  const dept = async (name: string, parentId: number | null) => (await admin.post('/api/v1/departments', { name, parentId })).body.id as number;
  const hq = await dept('总公司', null);
  const sales = await dept('销售部', hq);
  const east = await dept('华东组', sales);
  const north = await dept('华北组', sales);
  const service = await dept('客服部', hq);
  const eastLeadRole = await admin.post('/api/v1/roles', {
    key: 'east_lead',
    name: '组长',
    permissions: ['customers.view', 'customers.create', 'customers.edit', 'customers.assign', 'contacts.view', 'users.view'],
    dataScope: 'department',
  });
  roleIds.east_lead = eastLeadRole.body.id;
  const user = async (email: string, name: string, role: string, departmentId: number) => {
    const res = await admin.post('/api/v1/users', { email, name, password, roleId: roleIds[role], departmentId });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  };
  const ids = {
    hq, sales, east, north, service,
    manager: await user('manager@example.com', '王经理', 'sales_manager', sales),
    east1: await user('east1@example.com', '张伟', 'salesperson', east),
    east2: await user('east2@example.com', '刘芳', 'salesperson', east),
    north1: await user('north1@example.com', 'Emma Smith', 'salesperson', north),
    agent: await user('agent@example.com', '赵客服', 'service_agent', service),
    marketer: await user('marketer@example.com', '孙市场', 'marketing', hq),
    reader: await user('reader@example.com', '周只读', 'read_only', hq),
    eastLead: await user('eastlead@example.com', '李组长', 'east_lead', east),
  };
  const as = {
    manager: await t.login('manager@example.com', password),
    east1: await t.login('east1@example.com', password),
    east2: await t.login('east2@example.com', password),
    north1: await t.login('north1@example.com', password),
    agent: await t.login('agent@example.com', password),
    marketer: await t.login('marketer@example.com', password),
    reader: await t.login('reader@example.com', password),
    eastLead: await t.login('eastlead@example.com', password),
  };
  return { admin, ids, roleIds, as };
}

import { customerCategories, customerStatuses, lifecycleStages } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { createContact } from '../contacts/index.js';
import { createCustomer, hasAnyCustomer } from '../customers/index.js';
import { seedDepartment, seedDepartmentManager } from '../departments/index.js';
import { roleIdByKey } from '../roles/index.js';
import { actorOf, createInitialUser, firstUserId } from '../users/index.js';
import { seedDemoActivities } from './demo.activities.js';
import { seedDemoSales } from './demo.sales.js';
import {
  chineseName, companyName, emailFor, industryKeys, landlineNumber, latinName, mobileNumber, pick, prng, regions, sources,
} from './names.js';

export const demoPassword = 'crm-demo-2026';

/**
 * Fill an empty database with a demo company: departments, a user of each role and a few hundred
 * customers with contacts. Does nothing when customers already exist.
 */
export async function seedDemo(ctx: AppContext, options: { customers?: number; seed?: number } = {}) {
  if (await hasAnyCustomer(ctx)) return null;
  const rand = prng(options.seed ?? 20261122);
  const hq = await seedDepartment(ctx, '总公司', null);
  const sales = await seedDepartment(ctx, '销售部', hq);
  const east = await seedDepartment(ctx, '华东销售组', sales);
  const north = await seedDepartment(ctx, '华北销售组', sales);
  const service = await seedDepartment(ctx, '客服部', hq);
  const marketing = await seedDepartment(ctx, '市场部', hq);

  const role = async (key: string) => {
    const id = await roleIdByKey(ctx, key);
    if (id === null) throw new Error(`role ${key} missing`);
    return id;
  };
  const people: Array<[string, string, string, number]> = [
    ['manager@example.com', '王经理', 'sales_manager', sales.id],
    ['east.lead@example.com', '李组长', 'sales_manager', east.id],
    ['zhang.wei@example.com', '张伟', 'salesperson', east.id],
    ['liu.fang@example.com', '刘芳', 'salesperson', east.id],
    ['chen.jing@example.com', '陈静', 'salesperson', north.id],
    ['emma.smith@example.com', 'Emma Smith', 'salesperson', north.id],
    ['service@example.com', '赵客服', 'service_agent', service.id],
    ['marketing@example.com', '孙市场', 'marketing', marketing.id],
    ['viewer@example.com', '周只读', 'read_only', hq.id],
  ];
  const userIds: number[] = [];
  for (const [email, name, key, departmentId] of people) {
    userIds.push(await createInitialUser(ctx, { email, name, password: demoPassword, roleId: await role(key), departmentId }));
  }
  const adminId = await firstUserId(ctx);
  if (adminId === undefined) throw new Error('administrator missing');
  const actor = await actorOf(ctx, adminId, 'zh-CN');
  if (!actor) throw new Error('administrator missing');

  const salesOwners = userIds.slice(0, 6);
  // Department heads hear about their teams' big deals.
  const managerOf: Array<[number, number | undefined]> = [[sales.id, userIds[0]], [east.id, userIds[1]]];
  for (const [departmentId, managerId] of managerOf) {
    if (managerId !== undefined) await seedDepartmentManager(ctx, departmentId, managerId);
  }

  const total = options.customers ?? 300;
  let contacts = 0;
  const customerIds: number[] = [];
  const customersByOwner = new Map<number, number[]>();
  for (let i = 0; i < total; i++) {
    const organization = rand() < 0.7;
    const [province, city, district] = pick(rand, regions);
    const latin = rand() < 0.15;
    const personName = latin ? latinName(rand) : chineseName(rand);
    const customer = await createCustomer(ctx, actor, {
      kind: organization ? 'organization' : 'person',
      name: organization ? companyName(rand) : personName,
      category: organization ? pick(rand, ['enterprise', 'enterprise', 'distributor', 'internal'] as const) : pick(rand, customerCategories),
      status: pick(rand, customerStatuses),
      lifecycleStage: pick(rand, lifecycleStages),
      ownerId: rand() < 0.1 ? null : pick(rand, salesOwners),
      industry: organization ? pick(rand, industryKeys) : null,
      province, city, district,
      address: `${district}${Math.floor(rand() * 300) + 1}号`,
      phone: organization ? landlineNumber(rand) : null,
      mobile: organization ? null : mobileNumber(rand),
      email: emailFor(rand, latin ? personName : undefined),
      source: pick(rand, sources),
      tags: rand() < 0.3 ? [pick(rand, ['重点', 'VIP', '老客户', '续约', '展会'])] : [],
      person: organization ? undefined : { gender: pick(rand, ['male', 'female'] as const), birthday: `19${Math.floor(rand() * 40 + 60)}-0${Math.floor(rand() * 9) + 1}-1${Math.floor(rand() * 9)}` },
      organization: organization ? { scale: pick(rand, ['micro', 'small', 'medium', 'large'] as const), employees: Math.floor(rand() * 2000) + 5 } : undefined,
    });
    if (customer.ownerId !== null) {
      customerIds.push(customer.id);
      customersByOwner.set(customer.ownerId, [...(customersByOwner.get(customer.ownerId) ?? []), customer.id]);
    }
    if (organization) {
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const contactLatin = latin || rand() < 0.05;
        const name = contactLatin ? latinName(rand) : chineseName(rand);
        await createContact(ctx, actor, {
          customerId: customer.id,
          name,
          title: pick(rand, ['总经理', '采购经理', '财务总监', '技术负责人', 'Purchasing Manager', '销售总监']),
          mobile: mobileNumber(rand),
          email: emailFor(rand, contactLatin ? name : undefined),
          isPrimary: k === 0,
        });
        contacts++;
      }
    }
  }
  const pipeline = await seedDemoSales(ctx, actor, rand, { salesOwners, eastTeam: userIds.slice(1, 4), customerIds });
  // Each salesperson's day on the workbench: follow-ups due today and tasks.
  const activities = await seedDemoActivities(ctx, rand, customersByOwner);
  return { users: userIds.length, customers: total, contacts, ...pipeline, ...activities };
}

import { followUpRecordCreate, taskCreate } from '@crm/contracts';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { createFollowUp, createTask } from '../activities/index.js';
import { actorOf } from '../users/index.js';
import { pick } from './names.js';

const calls = ['电话沟通了采购计划，客户希望下周看演示', '上门拜访，见了采购经理和技术负责人', '客户询问年度维保的报价', '微信沟通了合同条款'];
const steps = ['发送报价单', '安排产品演示', '回访确认需求', '提交技术方案'];
const chores = [
  ['整理本周客户拜访记录', -2],
  ['准备季度客户回访名单', -1],
  ['提交本周工作总结', 0],
  ['给重点客户寄送节日贺卡', 0],
  ['复核合同付款条款', 3],
] as const;
const dayMs = 86_400_000;

/**
 * Each demo salesperson's day: follow-ups on three of their customers whose next steps are due
 * today (tasks, and customers to follow up on the workbench), and chores due before, on and after
 * today, written as the salesperson through the same use cases as the routes.
 */
export async function seedDemoActivities(ctx: AppContext, rand: () => number, customersByOwner: ReadonlyMap<number, number[]>): Promise<{ followUps: number; tasks: number }> {
  const today = localDate(ctx.clock.now(), await companyTimeZone(ctx.db));
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
  let followUps = 0;
  let tasks = 0;
  for (const [ownerId, customerIds] of customersByOwner) {
    const actor = await actorOf(ctx, ownerId, 'zh-CN');
    if (!actor || !actor.permissions.has('followups.create') || !actor.permissions.has('tasks.create')) continue;
    for (const customerId of customerIds.slice(0, 3)) {
      await createFollowUp(ctx, actor, followUpRecordCreate.parse({ customerId, kind: pick(rand, ['call', 'visit', 'message'] as const), content: pick(rand, calls), nextOn: today, nextAction: pick(rand, steps) }));
      followUps += 1;
    }
    for (const [title, offset] of chores) {
      await createTask(ctx, actor, taskCreate.parse({ title, dueOn: day(offset), customerId: offset === 3 ? (customerIds[3] ?? null) : null }));
      tasks += 1;
    }
  }
  return { followUps, tasks };
}

import { defaultLeadSources, leadConvert, leadCreate, leadFormCreate, leadUpdate, opportunityCreate, opportunityMove } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { createForm } from '../lead-forms/index.js';
import { convertLead, createLead, getLead, updateAssignmentRules, updateLead } from '../leads/index.js';
import { createOpportunity, listPipelines, moveOpportunity } from '../opportunities/index.js';
import { chineseName, companyName, emailFor, industries, mobileNumber, pick, regions } from './names.js';

const products = ['ERP 实施项目', 'CRM 年度订阅', '数据中台建设', '年度维保合同', '服务器采购', '培训服务', '定制开发', '云迁移'];
const nextSteps = ['安排产品演示', '发送报价单', '约见采购负责人', '提交技术方案', '商务谈判', '等待预算审批'];
const competitors = ['用友', '金蝶', 'Salesforce', '纷享销客', '销售易'];
const leadSources = defaultLeadSources.filter((s) => s !== 'referral' && s !== 'other');

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Leads and deals for the demo company: a web form and a round-robin rule for the east team,
 * leads in every state of MAN qualification (some in the lead pool, some converted), and deals
 * spread over the default pipeline's stages, some won and some lost.
 */
export async function seedDemoSales(
  ctx: AppContext,
  admin: Actor,
  rand: () => number,
  people: { salesOwners: number[]; eastTeam: number[]; customerIds: number[] },
): Promise<{ leads: number; opportunities: number }> {
  await createForm(ctx, admin, leadFormCreate.parse({
    name: '官网咨询表单',
    title: '预约产品演示 Book a demo',
    fields: [{ field: 'name', required: true }, { field: 'company' }, { field: 'mobile', required: true }, { field: 'email' }, { field: 'notes' }],
    thankYou: '感谢您的咨询，我们会在一个工作日内联系您。Thank you, we will call you within one working day.',
  }), '');
  await updateAssignmentRules(ctx, admin, {
    version: 0,
    rules: [
      { id: 'demo-web', name: '官网线索：华东组轮流', kind: 'round_robin', enabled: true, userIds: people.eastTeam, provinces: [], sources: ['web_form'] },
      { id: 'demo-north', name: '北方省份：华北组', kind: 'region', enabled: true, userIds: people.salesOwners.slice(4, 6), provinces: ['北京市', '山东省', '陕西省'], sources: [] },
    ],
  });

  const leadIds: number[] = [];
  for (let i = 0; i < 60; i++) {
    const [province, city, district] = pick(rand, regions);
    const organization = rand() < 0.7;
    const name = chineseName(rand);
    const assessed = rand() < 0.7;
    const yes = () => (assessed ? rand() < 0.6 : null);
    const lead = await createLead(ctx, admin, leadCreate.parse({
      kind: organization ? 'organization' : 'person',
      name,
      company: organization ? companyName(rand) : null,
      jobTitle: organization ? pick(rand, ['总经理', '采购经理', 'IT 总监', '运营负责人']) : null,
      gender: pick(rand, ['male', 'female'] as const),
      age: 25 + Math.floor(rand() * 30),
      mobile: mobileNumber(rand),
      email: emailFor(rand),
      province, city, district,
      industry: pick(rand, industries),
      source: pick(rand, leadSources),
      creditStanding: pick(rand, ['good', 'fair', 'unknown'] as const),
      // A quarter wait in the lead pool; the rest are someone's.
      ownerId: rand() < 0.25 ? null : pick(rand, people.salesOwners),
      manMoney: yes(),
      manAuthority: yes(),
      manNeed: yes(),
    }));
    leadIds.push(lead.id);
    if (lead.ownerId !== null && rand() < 0.5) {
      await updateLead(ctx, admin, lead.id, leadUpdate.parse({ status: rand() < 0.5 ? 'contacting' : 'qualified', version: lead.version }));
    }
  }
  // A few qualified leads became customers with a deal.
  const now = ctx.clock.now().getTime();
  for (const id of leadIds.slice(0, 6)) {
    const lead = await updateLead(ctx, admin, id, leadUpdate.parse({ manMoney: true, manAuthority: true, manNeed: true, status: 'qualified', version: (await getLead(ctx, admin, id)).version }));
    await convertLead(ctx, admin, id, leadConvert.parse({
      version: lead.version,
      customer: { mode: 'new' },
      opportunity: { name: `${pick(rand, products)}（${lead.company ?? lead.name}）`, amount: Math.round(5_000 + rand() * 500_000) * 100, expectedCloseDate: isoDay(now + Math.floor(rand() * 120) * 86_400_000) },
    }));
  }

  const pipeline = (await listPipelines(ctx, admin)).items.find((p) => p.isDefault);
  if (!pipeline) throw new Error('default pipeline missing');
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  const won = pipeline.stages.find((s) => s.kind === 'won');
  const lost = pipeline.stages.find((s) => s.kind === 'lost');
  let deals = 6;
  for (let i = 0; i < 70; i++) {
    const customerId = pick(rand, people.customerIds);
    const ownerId = pick(rand, people.salesOwners);
    const amount = Math.round(Math.exp(Math.log(2_000) + rand() * Math.log(1_000))) * 100;
    const closeIn = Math.floor(rand() * 200) - 40;
    const deal = await createOpportunity(ctx, admin, opportunityCreate.parse({
      name: `${pick(rand, products)} ${i + 1}`,
      customerId,
      ownerId,
      amount,
      currency: rand() < 0.1 ? 'USD' : 'CNY',
      expectedCloseDate: isoDay(now + closeIn * 86_400_000),
      forecastCategory: pick(rand, ['pipeline', 'pipeline', 'best_case', 'commit'] as const),
      competitors: rand() < 0.5 ? [pick(rand, competitors)] : [],
      nextStep: pick(rand, nextSteps),
    }));
    deals++;
    const r = rand();
    const target = r < 0.2 && won ? won : r < 0.3 && lost ? lost : pick(rand, open);
    if (target.id === deal.stageId) continue;
    await moveOpportunity(ctx, admin, deal.id, opportunityMove.parse({
      stageId: target.id,
      version: deal.version,
      ...(target.kind === 'won' ? { wonAmount: Math.round(amount * (0.85 + rand() * 0.15)) } : {}),
      ...(target.kind === 'lost' ? { lostReason: pick(rand, ['price', 'competitor', 'no_budget', 'timing']) } : {}),
    }));
  }
  return { leads: leadIds.length, opportunities: deals };
}

import { assignmentRule, defaultLeadSources, leadSource, type AssignmentRule, type AssignmentRulesState, type LeadSource, type LeadSourcesState, type assignmentRulesUpdate, type leadSourcesUpdate } from '@crm/contracts';
import { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import { activeUserDirectory } from '../users/index.js';
import * as repo from './leads.repository.js';

/** The administrator's lists for leads: the sources offered and the assignment rules. */
type Db = AppContext['db'];

const sourcesKey = 'lead_sources';
const rulesKey = 'lead_assignment_rules';

/** Labels of the default sources (DOMAIN.md section 3). */
const defaultLabels: Record<(typeof defaultLeadSources)[number], [zh: string, en: string]> = {
  referral: ['客户引荐', 'Customer referral'],
  center_of_influence: ['中心开花', 'Centre of influence'],
  market_research: ['市场咨询', 'Market research firm'],
  telemarketing: ['电话营销', 'Telemarketing'],
  lead_platform: ['平台获取', 'Lead platform'],
  directory: ['资料分析/名录', 'Directories and statistics'],
  door_to_door: ['地毯式搜索', 'Door to door'],
  advertising: ['广告收集', 'Advertising response'],
  seminar: ['讨论会/会议', 'Seminars and meetings'],
  direct_mail: ['函件', 'Direct mail'],
  exhibition: ['展会', 'Exhibition'],
  map: ['地图', 'Maps'],
  video_site: ['视频网站', 'Video sites'],
  media_search: ['媒体与新闻搜索', 'Media and news search'],
  personal_network: ['个人关系', 'Personal network'],
  competitor_customer: ['竞争对手的客户', "Competitors' customers"],
  observation: ['观察', 'Observation'],
  web_form: ['网站表单', 'Web form'],
  other: ['其他', 'Other'],
};

export const defaultSourceList: LeadSource[] = defaultLeadSources.map((key) => ({ key, labelZh: defaultLabels[key][0], labelEn: defaultLabels[key][1], active: true }));

const sourcesSetting = z.object({ items: z.array(leadSource).min(1).default(defaultSourceList) });
const rulesSetting = z.object({ rules: z.array(assignmentRule).default([]) });

export async function readLeadSources(db: Db): Promise<{ items: LeadSource[]; version: number }> {
  const { value, version } = await readSetting(db, sourcesKey, sourcesSetting);
  return { items: value.items, version };
}

export async function readAssignmentRules(db: Db): Promise<{ rules: AssignmentRule[]; version: number }> {
  const { value, version } = await readSetting(db, rulesKey, rulesSetting);
  return { rules: value.rules, version };
}

function refuse(details: ErrorDetail[]): never {
  throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/** Every signed-in user reads the sources: the lead forms offer them. */
export async function getLeadSources(ctx: AppContext, _actor: Actor): Promise<LeadSourcesState> {
  return readLeadSources(ctx.db);
}

/** Replace the list: keys unique; a key leads still use may be deactivated, not removed. */
export async function updateLeadSources(ctx: AppContext, actor: Actor, input: z.output<typeof leadSourcesUpdate>): Promise<LeadSourcesState> {
  authorize(actor, 'settings.edit');
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.key)) details.push({ path: `items.${i}.key`, message: 'leadSourceDuplicate' satisfies MessageKey });
    seen.add(item.key);
  });
  const current = await readLeadSources(ctx.db);
  const removed = current.items.map((s) => s.key).filter((key) => !seen.has(key));
  if ((await repo.sourcesInUse(ctx.db, removed)).size > 0) details.push({ path: 'items', message: 'leadSourceInUse' satisfies MessageKey });
  if (details.length > 0) refuse(details);
  const written = await writeSetting(ctx.db, sourcesKey, { items: input.items }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readLeadSources(ctx.db));
  return readLeadSources(ctx.db);
}

export async function getAssignmentRules(ctx: AppContext, actor: Actor): Promise<AssignmentRulesState> {
  authorize(actor, 'settings.view');
  return readAssignmentRules(ctx.db);
}

/** Replace the rules: ids unique, users active, sources known. */
export async function updateAssignmentRules(ctx: AppContext, actor: Actor, input: z.output<typeof assignmentRulesUpdate>): Promise<AssignmentRulesState> {
  authorize(actor, 'settings.edit');
  const details: ErrorDetail[] = [];
  const active = new Set((await activeUserDirectory(ctx.db)).map((u) => u.id));
  const sources = new Set((await readLeadSources(ctx.db)).items.map((s) => s.key));
  const ids = new Set<string>();
  input.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) details.push({ path: `rules.${i}.id`, message: 'leadRuleDuplicateId' satisfies MessageKey });
    ids.add(rule.id);
    rule.userIds.forEach((userId, j) => {
      if (!active.has(userId)) details.push({ path: `rules.${i}.userIds.${j}`, message: 'unknownUser' satisfies MessageKey });
    });
    rule.sources.forEach((source, j) => {
      if (!sources.has(source)) details.push({ path: `rules.${i}.sources.${j}`, message: 'leadUnknownSource' satisfies MessageKey });
    });
  });
  if (details.length > 0) refuse(details);
  // A user named twice would get twice the turns: keep each once, in order.
  const rules = input.rules.map((rule) => ({ ...rule, userIds: [...new Set(rule.userIds)], provinces: [...new Set(rule.provinces)], sources: [...new Set(rule.sources)] }));
  const written = await writeSetting(ctx.db, rulesKey, { rules }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await readAssignmentRules(ctx.db));
  return readAssignmentRules(ctx.db);
}

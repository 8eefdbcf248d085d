import { defaultIndustries, defaultLeadSources, industry, leadSource, type Industry, type LeadSource } from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { readSetting } from '../../platform/settings.js';

/**
 * The administrator's managed lists that customers and leads share: the sources (线索来源 and
 * 客户来源 alike, edited with the lead settings) and the industries (行业). Each is one setting;
 * this module only reads them, so that customers and leads can both depend on it.
 */
type Db = AppContext['db'];

export const sourcesKey = 'lead_sources';
export const industriesKey = 'customer_industries';

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
const industriesSetting = z.object({ items: z.array(industry).min(1).default([...defaultIndustries]) });

export async function readLeadSources(db: Db): Promise<{ items: LeadSource[]; version: number }> {
  const { value, version } = await readSetting(db, sourcesKey, sourcesSetting);
  return { items: value.items, version };
}

export async function readIndustries(db: Db): Promise<{ items: Industry[]; version: number }> {
  const { value, version } = await readSetting(db, industriesKey, industriesSetting);
  return { items: value.items, version };
}

type Item = { key: string; labelZh: string; labelEn: string };

function loose(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s、,，.。·&＆/\\()（）\-_]+/g, '');
}

/** The item a text names (its key, or its label in either language, loosely compared), or null. */
export function matchListItem<T extends Item>(items: readonly T[], text: string | null | undefined): T | null {
  if (!text) return null;
  const wanted = loose(text);
  if (!wanted) return null;
  return items.find((i) => loose(i.key) === wanted || loose(i.labelZh) === wanted || loose(i.labelEn) === wanted) ?? null;
}

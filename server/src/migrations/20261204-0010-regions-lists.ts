import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

// Copied from contracts/src/regions.ts, contracts/src/industries.ts and modules/lists as they were
// when this migration landed (migrations are frozen and import nothing from the modules).
const municipalities = ['北京市', '天津市', '上海市', '重庆市'];

const defaultIndustries: Array<[string, string, string]> = [
  ['agriculture', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'],
  ['mining', '采矿业', 'Mining'],
  ['manufacturing', '制造业', 'Manufacturing'],
  ['utilities', '电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water production and supply'],
  ['construction', '建筑业', 'Construction'],
  ['wholesale_retail', '批发和零售业', 'Wholesale and retail trade'],
  ['transport', '交通运输、仓储和邮政业', 'Transport, storage and postal services'],
  ['hospitality', '住宿和餐饮业', 'Accommodation and catering'],
  ['information_technology', '信息传输、软件和信息技术服务业', 'Information transmission, software and IT services'],
  ['finance', '金融业', 'Finance'],
  ['real_estate', '房地产业', 'Real estate'],
  ['business_services', '租赁和商务服务业', 'Leasing and business services'],
  ['research', '科学研究和技术服务业', 'Scientific research and technical services'],
  ['public_facilities', '水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management'],
  ['resident_services', '居民服务、修理和其他服务业', 'Resident services, repair and other services'],
  ['education', '教育', 'Education'],
  ['health', '卫生和社会工作', 'Health and social work'],
  ['culture', '文化、体育和娱乐业', 'Culture, sports and entertainment'],
  ['public_administration', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations'],
  ['international', '国际组织', 'International organisations'],
];

const defaultSources: Array<[string, string, string]> = [
  ['referral', '客户引荐', 'Customer referral'],
  ['center_of_influence', '中心开花', 'Centre of influence'],
  ['market_research', '市场咨询', 'Market research firm'],
  ['telemarketing', '电话营销', 'Telemarketing'],
  ['lead_platform', '平台获取', 'Lead platform'],
  ['directory', '资料分析/名录', 'Directories and statistics'],
  ['door_to_door', '地毯式搜索', 'Door to door'],
  ['advertising', '广告收集', 'Advertising response'],
  ['seminar', '讨论会/会议', 'Seminars and meetings'],
  ['direct_mail', '函件', 'Direct mail'],
  ['exhibition', '展会', 'Exhibition'],
  ['map', '地图', 'Maps'],
  ['video_site', '视频网站', 'Video sites'],
  ['media_search', '媒体与新闻搜索', 'Media and news search'],
  ['personal_network', '个人关系', 'Personal network'],
  ['competitor_customer', '竞争对手的客户', "Competitors' customers"],
  ['observation', '观察', 'Observation'],
  ['web_form', '网站表单', 'Web form'],
  ['other', '其他', 'Other'],
];

type Item = { key: string; labelZh: string; labelEn: string; active: boolean };

function loose(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s、,，.。·&＆/\\()（）\-_]+/g, '');
}

/** Under a municipality the city is the municipality (市辖区, 县, empty or 北京 -> 北京市), in customers and leads. */
async function canonicalRegions(db: Kysely<unknown>): Promise<void> {
  for (const table of ['customers', 'leads']) {
    for (const m of municipalities) {
      const short = m.slice(0, -1);
      await sql`update ${sql.table(table)} set province = ${m} where province = ${short}`.execute(db);
      await sql`update ${sql.table(table)} set province = ${m} where (province is null or province = '') and city in (${m}, ${short})`.execute(db);
      await sql`update ${sql.table(table)} set city = ${m}
        where province = ${m} and (city is null or city in ('', '市辖区', '县', ${short}))`.execute(db);
    }
  }
}

/**
 * Customers' free-text column onto a managed list: a value that names an item (key or label in
 * either language) becomes its key; any other value becomes an inactive item labelled with the
 * text itself (nothing is lost, and it is no longer offered for new records).
 */
async function ontoList(db: Kysely<unknown>, column: 'industry' | 'source', settingKey: string, defaults: Array<[string, string, string]>, at: string): Promise<void> {
  const stored = (await sql<{ value: string; version: number }>`select value, version from settings where ${sql.ref('key')} = ${settingKey}`.execute(db)).rows[0];
  let items: Item[] = defaults.map(([key, labelZh, labelEn]) => ({ key, labelZh, labelEn, active: true }));
  if (stored) {
    const parsed = JSON.parse(stored.value) as { items?: Item[] };
    if (Array.isArray(parsed.items) && parsed.items.length > 0) items = parsed.items;
  }
  const values = (await sql<{ v: string }>`select distinct ${sql.ref(column)} as v from customers where ${sql.ref(column)} is not null`.execute(db)).rows.map((r) => r.v);
  const keys = new Set(items.map((i) => i.key));
  let added = 0;
  let n = 0;
  for (const value of values) {
    if (keys.has(value)) continue;
    const wanted = loose(value);
    let item = wanted ? items.find((i) => loose(i.key) === wanted || loose(i.labelZh) === wanted || loose(i.labelEn) === wanted) : undefined;
    if (!item) {
      const label = value.trim().slice(0, 80);
      if (label === '') {
        await sql`update customers set ${sql.ref(column)} = null where ${sql.ref(column)} = ${value}`.execute(db);
        continue;
      }
      let key: string;
      do {
        n += 1;
        key = `former_${column}_${n}`;
      } while (keys.has(key));
      item = { key, labelZh: label, labelEn: label, active: false };
      items.push(item);
      keys.add(key);
      added += 1;
    }
    await sql`update customers set ${sql.ref(column)} = ${item.key} where ${sql.ref(column)} = ${value}`.execute(db);
  }
  if (added === 0) return;
  const value = JSON.stringify({ items });
  if (stored) await sql`update settings set value = ${value}, version = ${stored.version + 1}, updated_at = ${at} where ${sql.ref('key')} = ${settingKey}`.execute(db);
  else await sql`insert into settings (${sql.ref('key')}, value, version, updated_at, updated_by) values (${settingKey}, ${value}, 1, ${at}, ${null})`.execute(db);
}

/**
 * Regions in one canonical form (北京市 / 北京市 / 朝阳区), and customers' industry (行业) and
 * source (客户来源) as keys of managed lists: the industries (GB/T 4754-2017 sections by default)
 * and the sources leads use.
 */
export const regionsLists: Migration = {
  name: '20261204-0010-regions-lists',
  async up(db: Kysely<unknown>) {
    await canonicalRegions(db);
    const at = new Date().toISOString();
    await ontoList(db, 'industry', 'customer_industries', defaultIndustries, at);
    await ontoList(db, 'source', 'lead_sources', defaultSources, at);
  },
};

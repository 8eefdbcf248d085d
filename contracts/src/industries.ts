import { z } from 'zod';
import { leadSource } from './leads.js';
import { settingsVersion } from './common.js';

/**
 * Industries (行业) of customers: a list the administrator keeps (`/settings/customer-industries`),
 * by default the 20 top-level categories A-T of GB/T 4754-2017. Items have the shape of the lead
 * sources (key, zh and en labels, active), which customers share for their source (客户来源).
 * An item customers use can be switched off (not offered for new values), not removed.
 */
export const industry = leadSource;
export type Industry = z.output<typeof industry>;
export const industriesState = z.object({ items: z.array(industry), version: z.number().int() });
export type IndustriesState = z.infer<typeof industriesState>;
/** PUT /settings/customer-industries: the whole list, in display order (keys unique). */
export const industriesUpdate = z.object({ items: z.array(industry).min(1).max(200), version: settingsVersion }).strict();
export type IndustriesUpdate = z.input<typeof industriesUpdate>;

/** GB/T 4754-2017 sections A-T, in order. */
export const defaultIndustries: ReadonlyArray<{ key: string; labelZh: string; labelEn: string; active: boolean }> = [
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
].map(([key, labelZh, labelEn]) => ({ key: key ?? '', labelZh: labelZh ?? '', labelEn: labelEn ?? '', active: true }));

/** A list item's label in a language (the key itself when the list has no such item). */
export function listLabel(items: ReadonlyArray<{ key: string; labelZh: string; labelEn: string }>, key: string | null | undefined, locale: 'zh-CN' | 'en'): string | null {
  if (!key) return null;
  const item = items.find((i) => i.key === key);
  if (!item) return key;
  return locale === 'en' ? item.labelEn : item.labelZh;
}

/** Server messages of the credit rating (merged into the catalogue in i18n.ts). */
export const creditMessages = {
  creditOrganizationsOnly: { en: 'A 6C credit rating is made for organisation customers only.', 'zh-CN': '6C 信用评级仅适用于企业客户。' },
  creditWeightsSum: { en: 'The six weights must add up to 100.', 'zh-CN': '六项权重之和必须为 100。' },
  creditThresholdsFall: { en: 'Must be lower than the threshold of the better rating.', 'zh-CN': '必须低于上一等级的分数线。' },
  creditInventoryOverCurrentAssets: { en: 'Inventory is part of current assets and cannot exceed them.', 'zh-CN': '存货属于流动资产，不能大于流动资产。' },
  creditCurrentOverTotalAssets: { en: 'Current assets cannot exceed total assets.', 'zh-CN': '流动资产不能大于资产总额。' },
} as const;

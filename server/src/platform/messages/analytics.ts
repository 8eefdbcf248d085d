/** Server messages of customer analytics (merged into the catalogue in i18n.ts). */
export const analyticsMessages = {
  analyticsCutOffsRise: { en: 'Must be greater than the cut-off before it.', 'zh-CN': '必须大于前一个分界值。' },
} as const;

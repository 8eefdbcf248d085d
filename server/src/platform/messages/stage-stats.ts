/** Server messages of the stage conversion report (merged into the catalogue in i18n.ts). */
export const stageStatsMessages = {
  stageStatsRange: { en: 'The first day cannot be after the last.', 'zh-CN': '开始日期不能晚于结束日期。' },
  stageStatsUnknownPipeline: { en: 'No such pipeline.', 'zh-CN': '销售流程不存在。' },
} as const;

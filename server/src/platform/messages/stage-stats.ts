/** Server messages of the stage conversion report (merged into the catalogue in i18n.ts). */
export const stageStatsMessages = {
  stageStatsRange: { en: 'The first day cannot be after the last.', 'zh-CN': '开始日期不能晚于结束日期。' },
  stageStatsUnknownPipeline: { en: 'No such pipeline.', 'zh-CN': '销售流程不存在。' },
  stageStatsSheet: { en: 'Stage conversion', 'zh-CN': '阶段转化' },
  stageStatsColStage: { en: 'Stage', 'zh-CN': '阶段' },
  stageStatsColEntered: { en: 'Entered', 'zh-CN': '进入' },
  stageStatsColAdvanced: { en: 'Went further', 'zh-CN': '推进' },
  stageStatsColLost: { en: 'Lost here', 'zh-CN': '在此输单' },
  stageStatsColStillThere: { en: 'Still there', 'zh-CN': '仍在此阶段' },
  stageStatsColConversion: { en: 'Conversion (%)', 'zh-CN': '转化率（%）' },
  stageStatsColEnded: { en: 'Stays that ended', 'zh-CN': '已结束的停留' },
  stageStatsColAvgHours: { en: 'Average time (hours)', 'zh-CN': '平均停留（小时）' },
  stageStatsColMedianHours: { en: 'Median time (hours)', 'zh-CN': '停留中位数（小时）' },
} as const;

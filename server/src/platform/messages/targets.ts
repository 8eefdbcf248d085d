/** Server messages of sales targets (merged into the catalogue in i18n.ts). */
export const targetsMessages = {
  targetPeriod: { en: 'Use a month (2026-12), a quarter (2026-Q4) or a year (2026).', 'zh-CN': '请填写月份（2026-12）、季度（2026-Q4）或年份（2026）。' },
  targetPeriodYear: { en: 'This period is not in the year being saved.', 'zh-CN': '该期间不在所保存的年度内。' },
  targetSubjectOutOfScope: { en: 'You cannot set targets for this user or department.', 'zh-CN': '您不能为该用户或部门设置目标。' },
  targetDuplicate: { en: 'This target is listed twice.', 'zh-CN': '该目标重复。' },
};

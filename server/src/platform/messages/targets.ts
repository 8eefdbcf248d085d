/** Server messages of sales targets (merged into the catalogue in i18n.ts). */
export const targetsMessages = {
  targetPeriod: { en: 'Use a month (2026-12), a quarter (2026-Q4) or a year (2026).', 'zh-CN': '请填写月份（2026-12）、季度（2026-Q4）或年份（2026）。' },
  targetPeriodYear: { en: 'This period is not in the year being saved.', 'zh-CN': '该期间不在所保存的年度内。' },
  targetSubjectOutOfScope: { en: 'You cannot set targets for this user or department.', 'zh-CN': '您不能为该用户或部门设置目标。' },
  targetDuplicate: { en: 'This target is listed twice.', 'zh-CN': '该目标重复。' },
  // The attainment report's spreadsheet (GET /targets/attainment/export).
  targetsSheetAttainment: { en: 'Target attainment', 'zh-CN': '目标完成情况' },
  targetsMetric_contract_amount: { en: 'Signed contracts', 'zh-CN': '签约金额' },
  targetsMetric_amount_collected: { en: 'Amount collected', 'zh-CN': '回款金额' },
  targetsMetric_new_customers: { en: 'New customers', 'zh-CN': '新增客户' },
  targetsColName: { en: 'Department / person', 'zh-CN': '部门 / 人员' },
  targetsColKind: { en: 'Kind', 'zh-CN': '类型' },
  targetsKindUser: { en: 'User', 'zh-CN': '人员' },
  targetsKindDepartment: { en: 'Department', 'zh-CN': '部门' },
  targetsColTarget: { en: 'Target', 'zh-CN': '目标' },
  targetsColActual: { en: 'Actual', 'zh-CN': '实际' },
  targetsColAttainment: { en: 'Attainment (%)', 'zh-CN': '达成率（%）' },
};

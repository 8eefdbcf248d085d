import type { stageStats as en } from '../en/stage-stats';

/** 简体中文：阶段转化报表（销售预测页上的漏斗）。 */
export const stageStats: Record<keyof typeof en, string> = {
  'stageStats.title': '阶段转化',
  'stageStats.hint': '期间内进入各阶段的商机、其中推进到后续阶段的数量，以及在各阶段停留的时间',
  'stageStats.period': '进入阶段的日期',
  'stageStats.periodShown': '{from} 至 {to}',
  'stageStats.chartLabel': '进入各阶段的商机数及推进到后续阶段的比例',
  'stageStats.empty': '此期间内没有商机进入该销售流程的任何阶段。商机在流程中推进后，这里会显示阶段转化。',
  'stageStats.stage': '阶段',
  'stageStats.entered': '进入',
  'stageStats.advanced': '推进',
  'stageStats.lost': '在此输单',
  'stageStats.stillThere': '仍在此阶段',
  'stageStats.conversion': '转化率',
  'stageStats.avgTime': '平均停留',
  'stageStats.medianTime': '停留中位数',
  'stageStats.barLabel': '{entered} · {conversion}',
  'stageStats.tooltipEntered': '进入：{count}',
  'stageStats.tooltipAdvanced': '推进：{count}（{conversion}）',
  'stageStats.tooltipLost': '在此输单：{count}',
  'stageStats.tooltipStillThere': '仍在此阶段：{count}',
  'stageStats.tooltipTime': '停留时间：平均 {avg}，中位数 {median}（{stays} 次已结束的停留）',
  'stageStats.tooltipNoTime': '停留时间：尚无已结束的停留',
  'stageStats.export': '导出',
  'stageStats.exportLabel': '将阶段转化导出为 .xlsx（按当前期间和筛选条件）',
};

import type { recordPage as en } from '../en/record-page';

/** 客户详情页：左侧资料、中间写跟进与时间线、右侧相关记录；时间线上每条动态说明对象 */
export const recordPage: Record<keyof typeof en, string> = {
  'activity.centreTitle': '跟进与动态',
  'activity.viewTimeline': '全部动态',
  'activity.viewFollowUps': '跟进记录',
  'customer.tabActivity': '动态',
  'customer.tabRelated': '相关',
  'customer.contactsCard': '联系人（{count}）',
  'history.entity.opportunity': '商机 {name}',
  'history.entity.lead': '线索 {name}',
  'opp.historyContacts': '{n} 位联系人',
};

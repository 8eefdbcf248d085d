/** Server messages of follow-ups and tasks (merged into the catalogue in i18n.ts). */
export const activitiesMessages = {
  followUpInFuture: { en: 'A follow-up cannot have happened in the future.', 'zh-CN': '跟进时间不能晚于现在。' },
  followUpContactNotOfCustomer: { en: "No such contact of this customer.", 'zh-CN': '该客户没有此联系人。' },
  followUpDealNotOfCustomer: { en: 'No such deal of this customer that you may see.', 'zh-CN': '该客户没有此商机，或您无权查看。' },
  followUpContractNotOfCustomer: { en: 'No such contract of this customer that you may see.', 'zh-CN': '该客户没有此合同，或您无权查看。' },
  followUpNextNeedsDate: { en: 'Give the date of the next follow-up.', 'zh-CN': '请填写下次跟进日期。' },
  followUpNextInPast: { en: 'The next follow-up cannot be before today.', 'zh-CN': '下次跟进日期不能早于今天。' },
  taskAssigneeOutOfScope: { en: 'You may give tasks only to active users in your data scope.', 'zh-CN': '只能把任务分配给您数据范围内的在职用户。' },
  taskCustomerNotVisible: { en: 'No such customer that you may see.', 'zh-CN': '没有此客户，或您无权查看。' },
  taskDealNotVisible: { en: 'No such deal that you may see.', 'zh-CN': '没有此商机，或您无权查看。' },
  taskContractNotVisible: { en: 'No such contract that you may see.', 'zh-CN': '没有此合同，或您无权查看。' },
  followUpCheckInOnlyVisit: { en: 'Only a visit can carry a check-in.', 'zh-CN': '只有拜访可以签到。' },
  followUpCheckInRemoveOnly: { en: 'A check-in can only be removed (null), not moved.', 'zh-CN': '签到只能删除（null），不能修改位置。' },
  followUpCheckInKeepsVisit: { en: 'This visit has a check-in: remove the check-in before changing its kind.', 'zh-CN': '该拜访已签到：请先删除签到再更改类型。' },
  followUpNextTask: { en: 'Follow up {customer}', 'zh-CN': '跟进{customer}' },
} as const;

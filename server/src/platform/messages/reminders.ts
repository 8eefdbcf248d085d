/** Server messages of reminders, care reminders (关怀提醒) and the calendar (merged into the catalogue in i18n.ts). */
export const remindersMessages = {
  // {when}: the due day, and its time when it has one.
  notification_task_reminder: {
    en: 'Reminder: your task {task} is due {when}.',
    'zh-CN': '任务提醒：「{task}」将于 {when} 到期。',
  },
  // {whatZh}/{whatEn}: what it is (care_* below) in each language; {whenZh}/{whenEn}: today or in N days; {date}: the day.
  notification_care_reminder: {
    en: 'Care reminder: {whatEn}, {whenEn} ({date}).',
    'zh-CN': '关怀提醒：{whatZh}，{whenZh}（{date}）。',
  },
  care_customer_birthday: { en: '{name} turns {nth}', 'zh-CN': '客户 {name} 的 {nth} 岁生日' },
  care_contact_birthday: { en: '{name} of {customer} turns {nth}', 'zh-CN': '{customer} 的联系人 {name} 的 {nth} 岁生日' },
  care_wedding_anniversary: { en: "{name}'s wedding anniversary ({nth} years)", 'zh-CN': '客户 {name} 结婚 {nth} 周年纪念日' },
  care_contract_renewal: { en: 'contract {name} ends: time to renew', 'zh-CN': '合同「{name}」到期，请及时续约' },
  care_maintenance: { en: 'maintenance visit {nth} of contract {name}', 'zh-CN': '合同「{name}」第 {nth} 次维护回访' },
  care_when_today: { en: 'today', 'zh-CN': '就在今天' },
  care_when_days: { en: 'in {days} days', 'zh-CN': '还有 {days} 天' },
  calendarRangeOrder: { en: 'The end cannot be before the start.', 'zh-CN': '结束日期不能早于开始日期。' },
  calendarRangeTooLong: { en: 'At most 42 days (six weeks) at a time.', 'zh-CN': '一次最多查看 42 天（六周）。' },
  calendarTeamOrUser: { en: 'Ask for one user or for the team, not both.', 'zh-CN': '请只选择一位用户或整个团队。' },
  calendar_kind_task: { en: 'Task', 'zh-CN': '任务' },
  calendar_kind_next_follow_up: { en: 'Planned follow-up', 'zh-CN': '计划跟进' },
  calendar_kind_meeting: { en: 'Meeting', 'zh-CN': '会议' },
  calendar_kind_visit: { en: 'Visit', 'zh-CN': '拜访' },
  calendar_kind_care_reminder: { en: 'Care reminder', 'zh-CN': '关怀提醒' },
  calendarFeedName: { en: 'CRM calendar: {name}', 'zh-CN': 'CRM 日历：{name}' },
} as const;

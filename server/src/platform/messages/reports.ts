/** Server messages of work reports (日报/周报) and their notifications (merged into the catalogue in i18n.ts). */
export const reportsMessages = {
  workReportExists: { en: 'You already wrote this report for this period: open it to change it.', 'zh-CN': '该时段的报告您已写过，请打开原报告修改。' },
  workReportFuture: { en: 'A report cannot be written for a day that has not begun.', 'zh-CN': '不能为尚未开始的日期写报告。' },
  workReportCommentAuthorOnly: { en: 'Only its author may change or delete a comment.', 'zh-CN': '只有评论的作者可以修改或删除它。' },
  workReportAuthorOnly: { en: 'Only its author may change or delete a report.', 'zh-CN': '只有报告的作者可以修改或删除它。' },
  workReportKind_daily: { en: 'daily report', 'zh-CN': '日报' },
  workReportKind_weekly: { en: 'weekly report', 'zh-CN': '周报' },
  // The draft's pre-filled text, one line each.
  workReportFollowUpsHead: { en: 'Follow-ups ({count}):', 'zh-CN': '跟进客户 {count} 次：' },
  workReportFollowUpLine: { en: '{n}. [{kind}] {customer}: {excerpt}', 'zh-CN': '{n}. 【{kind}】{customer}：{excerpt}' },
  workReportMoreLines: { en: '… and {count} more', 'zh-CN': '……另有 {count} 条' },
  workReportNewCustomers: { en: 'New customers: {count} ({names})', 'zh-CN': '新增客户 {count} 个（{names}）' },
  workReportDealsCreated: { en: 'New deals: {count}, {amount}', 'zh-CN': '新建商机 {count} 个，金额 {amount}' },
  workReportDealsWon: { en: 'Deals won: {count}, {amount}', 'zh-CN': '赢单 {count} 个，金额 {amount}' },
  workReportTasksDone: { en: 'Tasks done: {count}', 'zh-CN': '完成任务 {count} 项' },
  workReportPlanLine: { en: '{n}. {title}', 'zh-CN': '{n}. {title}' },
  workReportPlanLineCustomer: { en: '{n}. {title} ({customer})', 'zh-CN': '{n}. {title}（{customer}）' },
  workReportFollowUp_call: { en: 'Call', 'zh-CN': '电话' },
  workReportFollowUp_visit: { en: 'Visit', 'zh-CN': '拜访' },
  workReportFollowUp_meeting: { en: 'Meeting', 'zh-CN': '会议' },
  workReportFollowUp_email: { en: 'Email', 'zh-CN': '邮件' },
  workReportFollowUp_message: { en: 'Message', 'zh-CN': '消息' },
  workReportFollowUp_note: { en: 'Note', 'zh-CN': '备注' },
  // {kindZh}/{kindEn}: 日报 or 周报; {period}: the day, or the week's first and last day.
  notification_report_submitted: {
    en: '{author} submitted a {kindEn} ({period}).',
    'zh-CN': '{author} 提交了{kindZh}（{period}）。',
  },
  // {excerpt}: the comment's first words.
  notification_report_comment: {
    en: '{actor} commented on your {kindEn} ({period}): {excerpt}',
    'zh-CN': '{actor} 评论了您的{kindZh}（{period}）：{excerpt}',
  },
} as const;

/** Notification texts: one `notification_<kind>` per kind in contracts/src/notifications.ts. */
export const notificationsMessages = {
  notification_customer_assigned: {
    en: '{actor} gave you the customer {customer}.',
    'zh-CN': '{actor} 将客户「{customer}」分配给了您。',
  },
  // {by}: the user who assigned it, or the name of the assignment rule that picked you.
  notification_leads_assigned: {
    en: 'You have {count} new leads (assigned by {by}).',
    'zh-CN': '您有 {count} 条新线索（分配方：{by}）。',
  },
  notification_lead_assigned: {
    en: 'You have a new lead: {lead} (assigned by {by}).',
    'zh-CN': '您有新的线索「{lead}」（分配方：{by}）。',
  },
  // {stageZh}/{stageEn}: the stage's name in each language; {amount}: in the base currency.
  notification_big_deal: {
    en: 'Big deal: {deal} of {owner}, {amount}, is now in stage {stageEn}.',
    'zh-CN': '大额商机：{owner} 的「{deal}」（{amount}）当前处于「{stageZh}」阶段。',
  },
  notification_opportunity_assigned: {
    en: '{actor} gave you the deal {deal}.',
    'zh-CN': '{actor} 将商机「{deal}」分配给了您。',
  },
  notification_pool_warning: {
    en: 'Your customer {customer} goes back to the public pool in {days} days unless you follow up.',
    'zh-CN': '您的客户「{customer}」将在 {days} 天后退回公海，请及时跟进。',
  },
  notification_pool_returned: {
    en: 'Your customer {customer} went back to the public pool: {reason}.',
    'zh-CN': '您的客户「{customer}」已退回公海：{reason}。',
  },
  notification_import_finished: {
    en: 'Your import {file} finished: {created} created, {updated} updated, {skipped} skipped, {rejected} rejected.',
    'zh-CN': '导入「{file}」已完成：新建 {created} 条，更新 {updated} 条，跳过 {skipped} 条，拒绝 {rejected} 条。',
  },
  // {contract}: number and title; {date}: its end date (YYYY-MM-DD); {days}: days left.
  notification_contract_renewal: {
    en: 'Your contract {contract} ends on {date} ({days} days): time to renew.',
    'zh-CN': '您的合同「{contract}」将于 {date} 到期（还剩 {days} 天），请及时续约。',
  },
  // {contract}: number and title; {customer}: its customer; {date}: the due date; {amount}: what is unpaid, in yuan.
  notification_instalment_overdue: {
    en: 'An instalment of contract {contract} ({customer}) was due on {date}: {amount} is overdue.',
    'zh-CN': '合同「{contract}」（{customer}）的回款计划已于 {date} 到期，逾期未回款 {amount}。',
  },
} as const;

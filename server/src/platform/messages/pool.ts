/** Server messages of this part of the archive, in both languages (merged into the catalogue in i18n.ts). */
export const poolMessages = {
  poolNotInPool: {
    en: 'This customer is not in the public pool (someone may have just claimed it).',
    'zh-CN': '该客户不在公海中（可能刚被他人领取）。',
  },
  ownerChangeNeedsClaim: {
    en: 'Take customers from the public pool with Claim and give them back with Release.',
    'zh-CN': '请通过“领取”从公海获取客户，通过“释放”退回公海。',
  },
  poolAlreadyInPool: { en: 'This customer is already in the public pool.', 'zh-CN': '该客户已在公海中。' },
  poolMaxOwned: {
    en: 'You already own {max} customers, the most one user may own. Release a customer first.',
    'zh-CN': '您已拥有 {max} 个客户，已达每人上限，请先释放客户。',
  },
  poolMaxOwnedBy: {
    en: '{owner} would then own {count} customers; one user may own at most {max}.',
    'zh-CN': '转移后 {owner} 将拥有 {count} 个客户，超过每人上限 {max} 个。',
  },
  poolReclaimWait: {
    en: 'You gave up this customer recently. You may claim it back after {date}.',
    'zh-CN': '您近期放弃了该客户，{date} 之后才能重新领取。',
  },
  poolFollowUpInFuture: { en: 'A follow-up cannot be in the future.', 'zh-CN': '跟进时间不能晚于当前时间。' },
  poolReason_no_follow_up: { en: 'no follow-up for {days} days', 'zh-CN': '{days} 天未跟进' },
  poolReason_no_deal: { en: 'no deal for {days} days', 'zh-CN': '{days} 天未成交' },
  bulkTagsNothing: { en: 'Give tags to add or to remove.', 'zh-CN': '请填写要添加或移除的标签。' },
  bulkTagsTooMany: { en: 'A customer can have at most 20 tags; some would have more.', 'zh-CN': '每个客户最多 20 个标签，部分客户将超出上限。' },
} as const;

/** Server messages of the managed lists customers use (industries, sources), in both languages. */
export const listsMessages = {
  customerUnknownIndustry: { en: 'Choose an industry from the list.', 'zh-CN': '请从列表中选择行业。' },
  customerInactiveIndustry: { en: 'This industry is switched off; choose another.', 'zh-CN': '该行业已停用，请选择其他行业。' },
  customerUnknownSource: { en: 'Choose a source from the list.', 'zh-CN': '请从列表中选择客户来源。' },
  customerInactiveSource: { en: 'This source is switched off; choose another.', 'zh-CN': '该来源已停用，请选择其他来源。' },
  industryDuplicate: { en: 'This key appears twice in the list.', 'zh-CN': '该标识在列表中重复。' },
  industryInUse: {
    en: 'An industry that customers still use cannot be removed; switch it off instead.',
    'zh-CN': '仍有客户使用的行业不能删除，请改为停用。',
  },
} as const;

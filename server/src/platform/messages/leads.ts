/** Server messages of leads (线索), in both languages (merged into the catalogue in i18n.ts). */
export const leadsMessages = {
  unknownLead: { en: 'No such lead.', 'zh-CN': '线索不存在。' },
  leadUnknownSource: { en: 'No such lead source.', 'zh-CN': '线索来源不存在。' },
  leadInactiveSource: {
    en: 'This lead source is no longer offered for new leads.',
    'zh-CN': '该线索来源已停用，不能用于新线索。',
  },
  leadNotInPool: {
    en: 'This lead is not in the lead pool (someone may have just claimed it).',
    'zh-CN': '该线索不在线索池中（可能刚被他人领取）。',
  },
  leadAlreadyInPool: { en: 'This lead is already in the lead pool.', 'zh-CN': '该线索已在线索池中。' },
  leadOwnerChangeNeedsClaim: {
    en: 'Take leads from the lead pool with Claim and give them back with Release.',
    'zh-CN': '请通过“领取”从线索池获取线索，通过“释放”退回线索池。',
  },
  leadOwnerOutsideScope: {
    en: 'You can only give leads to users within your data scope.',
    'zh-CN': '只能把线索分配给您数据范围内的用户。',
  },
  leadConvertedStatus: {
    en: 'A converted lead keeps its status.',
    'zh-CN': '已转化的线索不能再更改状态。',
  },
  leadConverted: {
    en: 'This lead has been converted; its customer carries on from here.',
    'zh-CN': '该线索已转化，请在转化后的客户上继续操作。',
  },
  leadNotConvertible: {
    en: 'Only a new, contacting or qualified lead can be converted.',
    'zh-CN': '只有新建、联系中或已确认的线索才能转化。',
  },
  leadAlreadyDisqualified: { en: 'This lead is already disqualified.', 'zh-CN': '该线索已被判定为无效。' },
  leadContactNeedsOrganization: {
    en: 'Contacts belong to organisation customers: convert into an organisation, or without a contact.',
    'zh-CN': '联系人只能属于企业客户：请转化为企业客户，或不创建联系人。',
  },
  leadSourceDuplicate: { en: 'This key appears twice in the list.', 'zh-CN': '该标识在列表中重复。' },
  leadSourceInUse: {
    en: 'A source that leads or customers still use cannot be removed; deactivate it instead.',
    'zh-CN': '仍有线索或客户使用的来源不能删除，请改为停用。',
  },
  leadRuleDuplicateId: { en: 'Two rules have this id.', 'zh-CN': '规则标识重复。' },
  leadInvalidDate: { en: 'Not a valid date.', 'zh-CN': '日期无效。' },
} as const;

/** Server messages of duplicates, merge and data quality, in both languages (merged into the catalogue in i18n.ts). */
export const duplicatesMessages = {
  invalidPostcode: {
    en: 'A Chinese postcode has six digits (abroad: 3-10 letters, digits, spaces or dashes, with the country filled in).',
    'zh-CN': '中国邮政编码应为 6 位数字（国外地址：填写国家/地区后可为 3-10 位字母、数字、空格或短横线）。',
  },
  unknownQualityField: {
    en: 'Not a field completeness can measure.',
    'zh-CN': '不是可用于计算完整度的字段。',
  },
  mergeSurvivorInMerged: {
    en: 'The customer kept cannot also be one of those merged into it.',
    'zh-CN': '保留的客户不能同时作为被合并的客户。',
  },
  mergeRepeated: { en: 'Each customer can be merged only once.', 'zh-CN': '同一客户不能重复合并。' },
  mergeUnknownField: { en: 'Not a field a merge can choose.', 'zh-CN': '合并时不能选择该字段。' },
  mergeSourceOutside: {
    en: 'Take the value from the customer kept or one of those merged.',
    'zh-CN': '只能从保留的客户或被合并的客户中选取取值。',
  },
  mergeAlreadyMerged: {
    en: 'This customer was already merged into another one meanwhile: reload and choose again.',
    'zh-CN': '该客户已被他人合并到其他客户，请刷新后重新选择。',
  },
  mergeContactsToPerson: {
    en: 'A person customer cannot receive contacts: keep an organisation customer instead.',
    'zh-CN': '个人客户不能接收联系人，请保留企业客户。',
  },
} as const;

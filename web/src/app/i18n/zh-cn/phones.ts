import type { phones as en } from '../en/phones';

/** 中文：电话号码（拒收原因）与数据质量中“电话号码无法识别”列表。 */
export const phones: Record<keyof typeof en, string> = {
  'phone.problem.phoneCharacters': '电话号码只能包含数字、空格、+、-、括号和分机号（如 转123）',
  'phone.problem.phoneMobileCn': '手机号应为 11 位，以 13-19 开头（国外手机号请以 + 和国家代码开头）',
  'phone.problem.phoneNotMobile': '这是固定电话号码，请填写在“电话”中；手机号应为 11 位，以 13-19 开头',
  'phone.problem.phoneLandlineCn': '固定电话须带区号（如 010-8888 6666、0755 2345 6789）；手机号应为 11 位，以 13-19 开头',
  'phone.problem.phoneForeign': '该号码不符合其国家或地区的号码规则，请检查国家代码和位数（如 +1 650 253 0000）',
  'quality.issue.phones': '电话号码无法识别',
  'quality.phones.hint': '这些号码按原样保留。请打开记录更正：国内手机为 11 位，固定电话须带区号，国外号码以 + 和国家代码开头。',
  'quality.phones.empty': '所有电话号码均可识别。',
  'quality.phones.record': '记录',
  'quality.phones.field': '字段',
  'quality.phones.value': '现存号码',
  'quality.phones.type.customer': '客户',
  'quality.phones.type.contact': '联系人',
  'quality.phones.type.lead': '线索',
  'quality.phones.field.phone': '电话',
  'quality.phones.field.mobile': '手机',
  'quality.phones.contactOf': '{customer} 的联系人',
};

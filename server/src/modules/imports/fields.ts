import {
  companyScales,
  creditStandings,
  customerCategories,
  customerKinds,
  customerStatuses,
  genders,
  lifecycleStages,
  maritalStatuses,
  ownershipTypes,
  type ImportEntity,
  type Locale,
} from '@crm/contracts';

/**
 * The fields of customers, contacts, leads and purchases as a spreadsheet sees them: labels in both languages (the
 * column headers of exports and reports), the headers an import recognises, and how a cell's text
 * becomes a value.
 */
/** `money`: yuan in files (integer fen in the API); `datetime`: an instant, exported in the company's time zone. */
export type FieldKind = 'text' | 'enum' | 'tags' | 'date' | 'datetime' | 'int' | 'money' | 'bool' | 'owner' | 'customer';

type Labels = Record<Locale, string>;

export interface FieldDef {
  key: string;
  kind: FieldKind;
  labels: Labels;
  /** Other headers that mean this field (compared after `headerKey`). */
  aliases?: string[];
  /** enum: the stored values and their labels. */
  options?: ReadonlyArray<{ value: string; labels: Labels; aliases?: readonly string[] }>;
  required?: boolean;
  /** Only when exporting (read-only columns such as the archive number). */
  exportOnly?: boolean;
  /** Masked in exports for users without the right to see sensitive data. */
  sensitive?: boolean;
  /** An identifier written in digits (phones, postcodes, ID and credit-code numbers): always text in a spreadsheet. */
  code?: boolean;
  /** Only when importing (the primary contact's columns of a customer list). */
  importOnly?: boolean;
}

function options(values: readonly string[], zh: Record<string, string>, en: Record<string, string>) {
  return values.map((value) => ({ value, labels: { 'zh-CN': zh[value] ?? value, en: en[value] ?? value } }));
}

const kindOptions = options(customerKinds, { organization: '企业客户', person: '个人客户' }, { organization: 'Organization', person: 'Person' });
// 客户角色: who the customer is to us. The labels before the rename stay readable in imports.
const formerCategoryLabels: Record<string, string[]> = { retail: ['零售消费型'], enterprise: ['企业型', 'Enterprise'], distributor: ['Distributor / agent'], internal: ['企业内部客户', 'Internal customer'] };
const categoryOptions = options(
  customerCategories,
  { retail: '零售消费者', enterprise: '企业采购', distributor: '分销商和代理商', internal: '企业内部' },
  { retail: 'Retail consumer', enterprise: 'Business buyer', distributor: 'Distributor or agent', internal: 'Internal' },
).map((o) => ({ ...o, aliases: formerCategoryLabels[o.value] ?? [] }));
const statusOptions = options(
  customerStatuses,
  { potential: '潜在客户', target: '目标客户', first_purchase: '初次购买', repeat: '重复购买', loyal: '忠诚客户', lost: '流失客户', non_customer: '非客户' },
  { potential: 'Potential', target: 'Target', first_purchase: 'First purchase', repeat: 'Repeat purchase', loyal: 'Loyal', lost: 'Lost', non_customer: 'Non-customer' },
);
const lifecycleOptions = options(
  lifecycleStages,
  { exploration: '考察期', formation: '形成期', stability: '稳定期', decline: '退化期' },
  { exploration: 'Exploration', formation: 'Formation', stability: 'Stability', decline: 'Decline' },
);
const genderOptions = options(genders, { male: '男', female: '女', other: '其他' }, { male: 'Male', female: 'Female', other: 'Other' });
const maritalOptions = options(
  maritalStatuses,
  { single: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' },
  { single: 'Single', married: 'Married', divorced: 'Divorced', widowed: 'Widowed' },
);
const ownershipOptions = options(
  ownershipTypes,
  { state_owned: '国有企业', private: '民营企业', foreign: '外资企业', joint_venture: '合资企业', collective: '集体企业', other: '其他' },
  { state_owned: 'State-owned', private: 'Private', foreign: 'Foreign-owned', joint_venture: 'Joint venture', collective: 'Collective', other: 'Other' },
);
const scaleOptions = options(companyScales, { micro: '微型', small: '小型', medium: '中型', large: '大型' }, { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' });
const creditOptions = options(creditStandings, { good: '良好', fair: '一般', poor: '较差', unknown: '未知' }, { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: 'Unknown' });

// Fields (by their last key segment) whose digits are an identifier, not a quantity.
const codeKeys = new Set(['phone', 'mobile', 'postcode', 'idCardNumber', 'creditCode', 'qq', 'wechat']);

const f = (key: string, kind: FieldKind, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  kind,
  labels: { 'zh-CN': zh, en },
  ...(codeKeys.has(key.slice(key.lastIndexOf('.') + 1)) ? { code: true } : {}),
  ...extra,
});

export const customerFields: FieldDef[] = [
  f('archiveNo', 'text', '客户编号', 'Archive no.', { aliases: ['编号', '客户编码', 'archive number', 'customer no', 'customer number'] }),
  f('name', 'text', '客户名称', 'Name', { required: true, aliases: ['名称', '公司名称', '企业名称', '单位名称', '客户名', '姓名', '公司', 'company', 'company name', 'customer', 'customer name', 'organization', 'organisation', 'account name', 'account'] }),
  // 客户性质 (organisation or person) and 客户角色 (retail, business buyer...): the old labels 客户类别 and 客户类型 read as before.
  f('kind', 'enum', '客户性质', 'Organisation or person', { options: kindOptions, aliases: ['客户类别', 'kind', '类型', '类别', 'type', 'customer type', 'customer kind'] }),
  f('category', 'enum', '客户角色', 'Customer role', { options: categoryOptions, aliases: ['客户类型', 'category', '客户业务类型', '分类', '客户分类', 'customer category'] }),
  f('status', 'enum', '客户状态', 'Status', { options: statusOptions, aliases: ['状态', 'customer status'] }),
  f('lifecycleStage', 'enum', '生命周期', 'Lifecycle stage', { options: lifecycleOptions, aliases: ['生命周期阶段', '阶段', 'lifecycle', 'stage'] }),
  f('owner', 'owner', '负责人', 'Owner', { aliases: ['所属销售', '销售', '销售员', '业务员', '归属人', '跟进人', '客户经理', 'owner email', 'sales', 'salesperson', 'account manager', 'account owner', 'contact owner', 'lead owner', 'owner name', 'hubspot owner'] }),
  // Industry and source: items of the administrator's lists, whose options plan.ts loads (withListOptions).
  f('industry', 'enum', '行业', 'Industry', { options: [], aliases: ['所属行业', '行业类别'] }),
  f('province', 'text', '省份', 'Province', { aliases: ['省', '所在省份', 'state', 'billing state', 'billing state/province', 'billing province', 'state/province', 'state/region', 'region'] }),
  f('city', 'text', '城市', 'City', { aliases: ['市', '所在城市', 'billing city'] }),
  f('district', 'text', '区县', 'District', { aliases: ['区', '县', '县区', '区/县', 'county'] }),
  f('address', 'text', '地址', 'Address', { aliases: ['详细地址', '公司地址', '联系地址', '通讯地址', 'street', 'billing street', 'billing address', 'billing address line 1', 'address line 1', 'street address'] }),
  f('phone', 'text', '电话', 'Phone', { aliases: ['座机', '固定电话', '联系电话', '办公电话', 'tel', 'telephone', 'phone number', 'office phone'] }),
  f('mobile', 'text', '手机', 'Mobile', { aliases: ['手机号', '手机号码', '移动电话', 'mobile phone', 'cell', 'cellphone', 'mobile number', 'mobile phone number'] }),
  f('email', 'text', '邮箱', 'Email', { aliases: ['电子邮箱', '电子邮件', '邮件', 'e-mail', 'mail', 'email address'] }),
  f('website', 'text', '网址', 'Website', { aliases: ['网站', '官网', '主页', 'url', 'web', 'homepage'] }),
  f('source', 'enum', '客户来源', 'Source', { options: [], aliases: ['来源', '线索来源', 'lead source'] }),
  f('tags', 'tags', '标签', 'Tags', { aliases: ['tag', 'labels'] }),
  f('notes', 'text', '备注', 'Notes', { aliases: ['说明', '描述', 'note', 'remark', 'remarks', 'comment', 'comments', 'description'] }),
  f('person.gender', 'enum', '性别', 'Gender', { options: genderOptions, aliases: ['sex'] }),
  f('person.birthday', 'date', '生日', 'Birthday', { aliases: ['出生日期', '生日日期', 'date of birth', 'birth date', 'dob'] }),
  f('person.idCardNumber', 'text', '身份证号', 'ID card number', { sensitive: true, aliases: ['身份证', '身份证号码', '证件号码', 'id card', 'id number'] }),
  f('person.wechat', 'text', '微信', 'WeChat', { aliases: ['微信号'] }),
  f('person.qq', 'text', 'QQ', 'QQ', { aliases: ['QQ号', 'qq number'] }),
  f('person.homeAddress', 'text', '家庭住址', 'Home address', { aliases: ['家庭地址', '住址'] }),
  f('person.employer', 'text', '工作单位', 'Employer'),
  f('person.employerType', 'text', '单位性质', 'Employer type'),
  f('person.jobTitle', 'text', '职务', 'Job title', { aliases: ['职位', 'title', 'position'] }),
  f('person.annualIncome', 'money', '年收入', 'Annual income', { aliases: ['年收入（元）', '收入', 'income'] }),
  f('person.careerGoals', 'text', '事业目标', 'Career goals'),
  f('person.preferences', 'text', '消费偏好', 'Preferences'),
  f('person.preferredChannel', 'text', '偏好渠道', 'Preferred channel'),
  f('person.maritalStatus', 'enum', '婚姻状况', 'Marital status', { options: maritalOptions, aliases: ['婚姻'] }),
  f('person.weddingAnniversary', 'date', '结婚纪念日', 'Wedding anniversary'),
  f('person.education', 'text', '学历', 'Education'),
  f('person.hobbies', 'text', '兴趣爱好', 'Hobbies', { aliases: ['爱好'] }),
  f('person.spouseName', 'text', '配偶姓名', 'Spouse name'),
  f('person.spouseBirthday', 'date', '配偶生日', 'Spouse birthday'),
  f('person.children', 'text', '子女情况', 'Children'),
  f('person.health', 'text', '健康状况', 'Health', { sensitive: true }),
  f('person.favoriteSports', 'text', '喜欢的运动', 'Favourite sports'),
  f('person.topics', 'text', '感兴趣的话题', 'Topics of interest'),
  f('person.media', 'text', '常用媒体', 'Media'),
  f('person.schools', 'text', '就读学校', 'Schools'),
  f('person.clubs', 'text', '社团', 'Clubs and associations'),
  f('organization.ownership', 'enum', '企业性质', 'Ownership', { options: ownershipOptions, aliases: ['所有制', '公司性质'] }),
  f('organization.creditCode', 'text', '统一社会信用代码', 'Unified social credit code', { aliases: ['信用代码', '社会信用代码', '统一代码', 'credit code', 'uscc'] }),
  f('organization.legalRepresentative', 'text', '法定代表人', 'Legal representative', { aliases: ['法人', '法人代表'] }),
  f('organization.country', 'text', '国家/地区', 'Country', { aliases: ['国家', '国别', '所在国家', 'country/region', 'billing country', 'nation'] }),
  f('organization.postcode', 'text', '邮编', 'Postcode', { aliases: ['邮政编码', 'zip', 'zip code', 'postal code', 'billing zip', 'billing zip/postal code', 'billing postal code', 'billing postcode', 'zip/postal code'] }),
  f('organization.foundedYear', 'int', '成立年份', 'Founded', { aliases: ['成立年度', 'founded year', 'year founded'] }),
  f('organization.annualRevenue', 'money', '年营业额', 'Annual revenue', { aliases: ['年营收', '营业收入', '年销售额', '营业额', 'revenue', 'annual sales'] }),
  f('organization.employees', 'int', '员工人数', 'Employees', { aliases: ['人数', '员工数', '职工人数', 'headcount', 'number of employees', 'employee count'] }),
  f('organization.scale', 'enum', '企业规模', 'Scale', { options: scaleOptions, aliases: ['规模', 'size'] }),
  f('organization.industryPosition', 'text', '行业地位', 'Industry position'),
  f('organization.settlementMethod', 'text', '结算方式', 'Settlement method'),
  f('organization.creditStanding', 'enum', '信用状况', 'Credit standing', { options: creditOptions, aliases: ['信用等级', '信用'] }),
  f('organization.creditLimit', 'money', '信用额度', 'Credit limit', { aliases: ['信用额度（元）', '授信额度'] }),
  f('organization.purchaseCycleDays', 'int', '采购周期', 'Purchase cycle', { aliases: ['采购周期（天）', 'purchase cycle days'] }),
  // The customer's primary contact, when a customer list carries it beside the company (联系人 / 联系人手机 / 职务).
  f('contact.name', 'text', '联系人', 'Contact name', { importOnly: true, aliases: ['联系人姓名', '联系人名称', '主要联系人', 'contact', 'contact name', 'primary contact', 'contact person'] }),
  f('contact.lastName', 'text', '联系人姓', 'Contact last name', { importOnly: true, aliases: ['姓', 'last name', 'surname', 'family name'] }),
  f('contact.firstName', 'text', '联系人名', 'Contact first name', { importOnly: true, aliases: ['名', 'first name', 'given name'] }),
  f('contact.title', 'text', '联系人职务', 'Contact title', { importOnly: true, aliases: ['联系人职位', 'contact title', 'contact job title'] }),
  f('contact.mobile', 'text', '联系人手机', 'Contact mobile', { importOnly: true, aliases: ['联系人手机号', '联系人手机号码', '联系人移动电话', 'contact mobile', 'contact mobile phone'] }),
  f('contact.phone', 'text', '联系人电话', 'Contact phone', { importOnly: true, aliases: ['联系人座机', '联系人固定电话', '联系人联系电话', 'contact phone'] }),
  f('contact.email', 'text', '联系人邮箱', 'Contact email', { importOnly: true, aliases: ['联系人电子邮箱', '联系人邮件', 'contact email'] }),
  f('contactCount', 'int', '联系人数', 'Contacts', { exportOnly: true }),
  f('lastFollowUpAt', 'datetime', '最近跟进', 'Last follow-up', { exportOnly: true }),
  f('nextFollowUpOn', 'date', '下次跟进', 'Next follow-up', { exportOnly: true }),
  f('createdAt', 'datetime', '创建时间', 'Created', { exportOnly: true }),
  f('updatedAt', 'datetime', '更新时间', 'Updated', { exportOnly: true }),
];

export const contactFields: FieldDef[] = [
  f('customer', 'customer', '所属客户', 'Customer', { required: true, aliases: ['客户', '客户名称', '客户编号', '公司', '公司名称', '单位', '单位名称', '企业名称', 'company', 'company name', 'customer name', 'customer no', 'archive no'] }),
  f('name', 'text', '姓名', 'Name', { required: true, aliases: ['联系人', '联系人姓名', '名字', 'contact', 'contact name', 'full name'] }),
  f('title', 'text', '职务', 'Title', { aliases: ['职位', '头衔', 'job title', 'position'] }),
  f('department', 'text', '部门', 'Department', { aliases: ['所在部门', 'dept'] }),
  f('mobile', 'text', '手机', 'Mobile', { aliases: ['手机号', '手机号码', '移动电话', 'mobile phone', 'cell', 'cellphone'] }),
  f('phone', 'text', '电话', 'Phone', { aliases: ['座机', '固定电话', '办公电话', '联系电话', 'tel', 'telephone', 'office phone'] }),
  f('email', 'text', '邮箱', 'Email', { aliases: ['电子邮箱', '电子邮件', '邮件', 'e-mail', 'mail'] }),
  f('wechat', 'text', '微信', 'WeChat', { aliases: ['微信号'] }),
  f('birthday', 'date', '生日', 'Birthday', { aliases: ['出生日期', 'date of birth', 'dob'] }),
  f('isPrimary', 'bool', '主要联系人', 'Primary contact', { aliases: ['主联系人', '首要联系人', '是否主要联系人', 'primary', 'main contact'] }),
  f('notes', 'text', '备注', 'Notes', { aliases: ['说明', 'note', 'remark', 'remarks', 'comment'] }),
  f('customerArchiveNo', 'text', '客户编号', 'Customer archive no.', { exportOnly: true }),
  f('createdAt', 'datetime', '创建时间', 'Created', { exportOnly: true }),
  f('updatedAt', 'datetime', '更新时间', 'Updated', { exportOnly: true }),
];

/**
 * Lead cards (DOMAIN.md section 3). The source is read against the administrator's list of
 * sources (key or label) by the lead import; MAN columns take yes / no (是 / 否, 有 / 无).
 */
export const leadFields: FieldDef[] = [
  f('name', 'text', '姓名', 'Name', { required: true, aliases: ['联系人', '联系人姓名', '名字', '客户姓名', '线索名称', 'full name', 'contact', 'contact name', 'person'] }),
  f('company', 'text', '公司', 'Company', { aliases: ['公司名称', '单位', '单位名称', '企业名称', '工作单位', 'company name', 'organization', 'organisation', 'employer'] }),
  f('kind', 'enum', '线索类别', 'Kind', { options: kindOptions, aliases: ['类别', '类型', 'type', 'lead type', 'lead kind'] }),
  f('jobTitle', 'text', '职务', 'Job title', { aliases: ['职位', '头衔', 'title', 'position'] }),
  f('mobile', 'text', '手机', 'Mobile', { aliases: ['手机号', '手机号码', '移动电话', 'mobile phone', 'cell', 'cellphone', 'mobile number', 'mobile phone number'] }),
  f('phone', 'text', '电话', 'Phone', { aliases: ['座机', '固定电话', '联系电话', '办公电话', 'tel', 'telephone', 'phone number', 'office phone'] }),
  f('email', 'text', '邮箱', 'Email', { aliases: ['电子邮箱', '电子邮件', '邮件', 'e-mail', 'mail', 'email address'] }),
  f('wechat', 'text', '微信', 'WeChat', { aliases: ['微信号'] }),
  f('source', 'text', '来源', 'Source', { aliases: ['线索来源', '客户来源', '渠道', 'lead source', 'channel'] }),
  f('province', 'text', '省份', 'Province', { aliases: ['省', '所在省份', 'state', 'state/region', 'state/province'] }),
  f('city', 'text', '城市', 'City', { aliases: ['市', '所在城市'] }),
  f('district', 'text', '区县', 'District', { aliases: ['区', '县', '县区', '区/县', 'county'] }),
  f('address', 'text', '地址', 'Address', { aliases: ['详细地址', '联系地址', '通讯地址', 'street'] }),
  f('industry', 'text', '行业', 'Industry', { aliases: ['所属行业', '行业类别'] }),
  f('occupation', 'text', '职业', 'Occupation', { aliases: ['工作', 'profession', 'job'] }),
  f('gender', 'enum', '性别', 'Gender', { options: genderOptions, aliases: ['sex'] }),
  f('age', 'int', '年龄', 'Age', { aliases: ['岁数'] }),
  f('annualIncome', 'money', '年收入', 'Annual income', { aliases: ['年收入（元）', '收入', 'income'] }),
  f('creditStanding', 'enum', '信用状况', 'Credit standing', { options: creditOptions, aliases: ['信用等级', '信用', 'credit'] }),
  f('manMoney', 'bool', '有购买能力', 'Money', { aliases: ['购买能力', '支付能力', '有支付能力', 'has money', 'budget', 'm'] }),
  f('manAuthority', 'bool', '有决定权', 'Authority', { aliases: ['购买决定权', '决定权', '有购买决定权', '决策权', 'has authority', 'decision maker', 'a'] }),
  f('manNeed', 'bool', '有需求', 'Need', { aliases: ['需求', '有购买需求', 'has need', 'n'] }),
  f('notes', 'text', '备注', 'Notes', { aliases: ['说明', '描述', 'note', 'remark', 'remarks', 'comment', 'comments', 'description'] }),
  f('owner', 'owner', '负责人', 'Owner', { aliases: ['所属销售', '销售', '销售员', '业务员', '归属人', '跟进人', 'owner email', 'sales', 'salesperson', 'account manager', 'contact owner', 'lead owner', 'hubspot owner'] }),
];

/**
 * A customer's purchases, as a shop's or point-of-sale system's export lists them (one row per
 * order or order line). The customer is named by archive number, credit code, phone or exact name
 * (purchases.import.ts); amounts and costs are yuan; the gross margin (35% or 0.35) stands in for
 * the cost when the file has none.
 */
export const purchaseFields: FieldDef[] = [
  f('customer', 'customer', '客户', 'Customer', {
    required: true,
    aliases: ['客户名称', '客户编号', '购买方', '购买人', '买家', '顾客', '会员', '会员名称', '会员姓名', '会员手机', '会员手机号', '客户手机', '统一社会信用代码', 'customer name', 'customer no', 'archive no', 'buyer', 'member', 'client'],
  }),
  f('purchasedOn', 'date', '日期', 'Date', {
    required: true,
    aliases: ['购买日期', '交易日期', '交易时间', '下单时间', '下单日期', '订单日期', '销售日期', '成交日期', '消费日期', '消费时间', '付款时间', '支付时间', 'purchase date', 'purchased on', 'order date', 'transaction date', 'sale date'],
  }),
  f('amount', 'money', '金额', 'Amount', {
    required: true,
    aliases: ['实付金额', '成交金额', '销售额', '销售金额', '订单金额', '实收金额', '交易金额', '消费金额', '支付金额', '付款金额', '金额（元）', 'amount paid', 'paid', 'sales', 'revenue', 'total', 'order total', 'total amount'],
  }),
  f('cost', 'money', '成本', 'Cost', { aliases: ['成本价', '成本金额', '进价', '进货价', '采购成本', '成本（元）', 'cost price'] }),
  // Read by the purchase import (a percentage or a fraction), not by convertRow.
  f('margin', 'text', '毛利率', 'Gross margin', { aliases: ['毛利率（%）', 'margin', 'gross margin %', 'margin %'] }),
  f('product', 'text', '商品', 'Product', { aliases: ['商品名称', '商品名', '产品', '产品名称', '品名', '货品', '货品名称', 'product name', 'item', 'item name', 'goods'] }),
];

export function fieldsOf(entity: ImportEntity): FieldDef[] {
  switch (entity) {
    case 'customers':
      return customerFields;
    case 'contacts':
      return contactFields;
    case 'leads':
      return leadFields;
    case 'purchases':
      return purchaseFields;
  }
}

/** A header or label compared loosely: NFKC, lower case, no spaces, punctuation or required-marks. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*＊:：_\-–—.()（）[\]【】/\\]+/g, '');
}

/** Every recognised header of a field list -> the field key (labels in both languages and aliases). */
export function headerIndex(fields: FieldDef[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const field of fields) {
    if (field.exportOnly) continue;
    for (const text of [field.labels['zh-CN'], field.labels.en, field.key, ...(field.aliases ?? [])]) {
      const key = headerKey(text);
      if (key && !index.has(key)) index.set(key, field.key);
    }
  }
  return index;
}

/** The value of an option written as its value or a label in either language, or null. */
export function matchOption(field: FieldDef, text: string): string | null {
  const wanted = headerKey(text);
  for (const option of field.options ?? []) {
    if (headerKey(option.value) === wanted || headerKey(option.labels['zh-CN']) === wanted || headerKey(option.labels.en) === wanted) return option.value;
    if (option.aliases?.some((a) => headerKey(a) === wanted)) return option.value;
  }
  return null;
}

export function optionLabel(field: FieldDef, value: string, locale: Locale): string {
  return field.options?.find((o) => o.value === value)?.labels[locale] ?? value;
}

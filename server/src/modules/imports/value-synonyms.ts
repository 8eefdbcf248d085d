import { headerKey, type FieldDef } from './fields.js';

/**
 * What people write in the enum columns of their own spreadsheets, and of Salesforce and HubSpot
 * exports, and the option it most likely means: the value-mapping step's suggestions (and what a
 * run uses for a value the user did not map). Keyed by the field's last path segment
 * (`person.gender` -> gender), so customers and leads share a table. Words are compared after
 * `headerKey` (case, width, spaces and punctuation do not matter).
 */
const tables: Record<string, Record<string, readonly string[]>> = {
  kind: {
    organization: [
      '企业', '公司', '企业客户', '公司客户', '单位', '机构', '组织', '法人', '团体', '企业型', '分销商', '代理商', '经销商', '渠道商',
      'organization', 'organisation', 'company', 'account', 'business', 'enterprise', 'corporate', 'b2b', 'distributor', 'reseller', 'partner',
      // A Salesforce account's Type: every account is a company.
      'customerdirect', 'customerchannel', 'channelpartnerreseller', 'installationpartner', 'technologypartner',
    ],
    person: ['个人', '个人客户', '自然人', '个体', '消费者', '散客', 'person', 'individual', 'consumer', 'private', 'b2c', 'personal'],
  },
  category: {
    enterprise: ['企业', '企业客户', '公司', '公司客户', '企业型', '大客户', '集团客户', '直客', 'enterprise', 'company', 'corporate', 'business', 'direct', 'customerdirect', 'b2b'],
    distributor: [
      '分销商', '代理商', '经销商', '渠道', '渠道商', '渠道客户', '代理', '经销', '加盟商', '批发商', '合作伙伴',
      'distributor', 'reseller', 'partner', 'agent', 'dealer', 'wholesaler', 'channel', 'channelpartner', 'channelpartnerreseller', 'customerchannel', 'installationpartner', 'technologypartner',
    ],
    retail: ['零售', '零售客户', '零售消费', '个人', '个人客户', '消费者', '散客', 'c端', 'retail', 'consumer', 'individual', 'b2c'],
    internal: ['内部', '内部客户', '企业内部', '集团内部', '关联公司', 'internal', 'intercompany'],
  },
  status: {
    potential: ['潜在', '潜客', '意向客户', '线索', '新客户', 'prospect', 'lead', 'subscriber', 'marketingqualifiedlead', 'mql', 'new', 'potential'],
    target: ['目标', '重点客户', '商机', '跟进中', 'target', 'salesqualifiedlead', 'sql', 'opportunity', 'qualified'],
    first_purchase: ['首次购买', '首购', '新成交', '已成交', '成交客户', 'firstpurchase', 'newcustomer', 'won'],
    repeat: ['复购', '老客户', '回头客', '重复购买', '客户', '正式客户', '合作中', '签约客户', 'customer', 'existingcustomer', 'active', 'repeat'],
    loyal: ['vip', 'vip客户', '忠诚', '核心客户', '战略客户', '大客户', '钻石客户', '金牌客户', 'evangelist', 'loyal', 'key account', 'strategic'],
    lost: ['流失', '已流失', '丢失', '停止合作', '终止合作', '沉睡客户', 'lost', 'churned', 'inactive', 'former customer', 'former'],
    non_customer: ['非客户', '无效', '无效客户', '竞争对手', '供应商', 'other', 'competitor', 'vendor', 'supplier', 'noncustomer', 'invalid'],
  },
  lifecycleStage: {
    exploration: ['考察', '考察期', '初期', '接触期', '潜在', 'subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'prospect', 'exploration', 'new'],
    formation: ['形成', '形成期', '成长期', '发展期', 'opportunity', 'formation', 'growth', 'developing'],
    stability: ['稳定', '稳定期', '成熟期', '合作期', 'customer', 'evangelist', 'stability', 'stable', 'mature', 'active'],
    decline: ['退化', '退化期', '衰退期', '流失期', 'decline', 'declining', 'churning', 'lost'],
  },
  gender: {
    male: ['男', '男性', '先生', 'm', 'male', 'man', 'mr'],
    female: ['女', '女性', '女士', '小姐', 'f', 'female', 'woman', 'mrs', 'ms', 'miss'],
    other: ['其他', '未知', '保密', 'other', 'unknown', 'nonbinary', 'x'],
  },
  maritalStatus: {
    single: ['单身', '未婚', 'single', 'unmarried', 'nevermarried'],
    married: ['已婚', '结婚', 'married', 'spouse'],
    divorced: ['离婚', '离异', 'divorced', 'separated'],
    widowed: ['丧偶', '寡居', 'widowed', 'widow', 'widower'],
  },
  ownership: {
    state_owned: ['国企', '国有', '国有企业', '央企', '国有控股', 'soe', 'stateowned', 'state', 'government', 'public sector'],
    private: ['民企', '私企', '民营', '私营', '私营企业', '民营企业', 'private', 'privatelyheld', 'privatelyowned'],
    foreign: ['外企', '外资', '外商独资', '外资企业', '外商投资企业', 'foreign', 'wfoe', 'foreignowned', 'multinational'],
    joint_venture: ['合资', '中外合资', '合资企业', '中外合作', 'jv', 'jointventure'],
    collective: ['集体', '集体企业', '集体所有制', 'collective', 'cooperative'],
    other: ['其他', '事业单位', '社会团体', '个体工商户', 'other', 'nonprofit', 'ngo'],
  },
  scale: {
    micro: ['微型', '微型企业', '小微', 'micro', '110', '19', '1to10'],
    small: ['小型', '小型企业', '小', 'small', '1150', '1049', '11to50'],
    medium: ['中型', '中型企业', '中', 'medium', 'mid', 'midsize', '51200', '50249', '51to200'],
    large: ['大型', '大型企业', '大', '集团', 'large', 'big', 'enterprise', '200+', '201+', '250+', '1000+'],
  },
  creditStanding: {
    good: ['好', '良好', '优', '优秀', '优良', 'a', 'aa', 'aaa', 'good', 'excellent', 'high'],
    fair: ['中', '一般', '中等', '尚可', 'b', 'bb', 'bbb', 'fair', 'average', 'medium'],
    poor: ['差', '较差', '不良', '黑名单', 'c', 'cc', 'ccc', 'd', 'poor', 'bad', 'low'],
    unknown: ['未知', '不详', '未评估', 'unknown', 'na', 'n/a', 'unrated'],
  },
};

const indexes = new Map<string, Map<string, string>>();

function indexOf(name: string): Map<string, string> | null {
  const table = tables[name];
  if (!table) return null;
  let index = indexes.get(name);
  if (!index) {
    index = new Map();
    for (const [value, words] of Object.entries(table)) for (const word of words) if (!index.has(headerKey(word))) index.set(headerKey(word), value);
    indexes.set(name, index);
  }
  return index;
}

/** The option a cell text most likely means by the synonym table (only options the field has), or null. */
export function synonymOption(field: FieldDef, text: string): string | null {
  const name = field.key.split('.').pop() ?? field.key;
  const index = indexOf(name);
  if (!index) return null;
  const key = headerKey(text);
  // "Customer - Direct" and "客户（VIP）" are compared whole first, then without what follows a dash or bracket.
  const value = index.get(key) ?? index.get(headerKey(text.split(/\s[-–—]\s|[(（]/)[0] ?? ''));
  return value !== undefined && field.options?.some((o) => o.value === value) ? value : null;
}

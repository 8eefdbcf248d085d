/** Deterministic generators of realistic Chinese and international names, for demo data and the benchmark. */

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国红梅飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳怡雪琳晨阳博文轩宇涵子萱思雨梓';
const latinFirst = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Nancy', 'Anna', 'Lukas', 'Sophie', 'Pierre', 'Marie', 'Hiroshi', 'Yuki', 'Carlos', 'Lucia', 'Ahmed'];
const latinLast = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Müller', 'Schmidt', 'Dubois', 'Rossi', 'Tanaka', 'Suzuki', 'Silva', 'Novak', 'Kowalski', 'Hansen'];
const cityPrefixes = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '重庆', '天津', '长沙', '青岛', '厦门', '宁波', '合肥', '郑州', '济南', '昆明'];
const companyCores = ['华信', '恒通', '瑞丰', '鼎盛', '宏远', '金桥', '天成', '海纳', '博创', '中科', '星辰', '蓝海', '远航', '嘉禾', '新锐', '东方', '锦程', '同創', '盛世', '云峰', '卓越', '智联', '安达', '汇丰', '永泰'];
const companyTrades = ['科技', '贸易', '电子', '机械', '医药', '食品', '物流', '建材', '软件', '化工', '纺织', '汽车配件', '环保', '文化传媒', '餐饮管理'];
const companySuffixes = ['有限公司', '股份有限公司', '集团有限公司'];
const latinCompanyCores = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Acme', 'Vandelay', 'Hooli', 'Soylent', 'Tyrell', 'Wonka', 'Cyberdyne', 'Aperture'];
const latinCompanySuffixes = ['Trading Co., Ltd.', 'GmbH', 'Inc.', 'Ltd.', 'S.A.', 'LLC'];
/** Leads' industry is free text (written as the GB/T 4754 names); customers' is a key of the industries list. */
export const industries = ['制造业', '信息传输、软件和信息技术服务业', '批发和零售业', '卫生和社会工作', '金融业', '教育', '交通运输、仓储和邮政业', '建筑业', '住宿和餐饮业', '电力、热力、燃气及水生产和供应业'];
export const industryKeys = ['manufacturing', 'information_technology', 'wholesale_retail', 'health', 'finance', 'education', 'transport', 'construction', 'hospitality', 'utilities'];
/** Keys of the sources list customers share with leads. */
export const sources = ['referral', 'telemarketing', 'exhibition', 'advertising', 'web_form', 'seminar', 'lead_platform', 'door_to_door', 'direct_mail', 'center_of_influence'];
export const regions: Array<[string, string, string]> = [
  ['北京市', '北京市', '海淀区'], ['上海市', '上海市', '浦东新区'], ['广东省', '广州市', '天河区'], ['广东省', '深圳市', '南山区'],
  ['浙江省', '杭州市', '西湖区'], ['江苏省', '南京市', '鼓楼区'], ['江苏省', '苏州市', '工业园区'], ['四川省', '成都市', '武侯区'],
  ['湖北省', '武汉市', '洪山区'], ['陕西省', '西安市', '雁塔区'], ['山东省', '青岛市', '市南区'], ['福建省', '厦门市', '思明区'],
];

export function chineseName(rand: () => number): string {
  const n = rand() < 0.55 ? 1 : 2;
  let name = pick(rand, Array.from(surnames));
  for (let i = 0; i < n; i++) name += pick(rand, Array.from(givenChars));
  return name;
}

export function latinName(rand: () => number): string {
  return `${pick(rand, latinFirst)} ${pick(rand, latinLast)}`;
}

export function companyName(rand: () => number): string {
  if (rand() < 0.8) return `${pick(rand, cityPrefixes)}${pick(rand, companyCores)}${pick(rand, companyTrades)}${pick(rand, companySuffixes)}`;
  return `${pick(rand, latinCompanyCores)} ${pick(rand, ['Global', 'Asia', 'Pacific', 'Industries', 'Systems', 'Labs'])} ${pick(rand, latinCompanySuffixes)}`;
}

/** A landline with a real area code (two-digit codes take 8 digits; 0xxx codes 7 or 8 digits: 8 here). */
export function landlineNumber(rand: () => number): string {
  const area = pick(rand, ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029', '0571', '0755', '0512', '0532']);
  return `${area}-${Math.floor(rand() * 7e7 + 2e7)}`;
}

export function mobileNumber(rand: () => number): string {
  const prefix = pick(rand, ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '187', '188', '189']);
  return prefix + String(Math.floor(rand() * 1e8)).padStart(8, '0');
}

const pinyinish = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'lin'];
export function emailFor(rand: () => number, latin?: string): string {
  const local = latin ? latin.toLowerCase().replace(/[^a-z]+/g, '.') : `${pick(rand, pinyinish)}${pick(rand, pinyinish)}${Math.floor(rand() * 1000)}`;
  return `${local}@${pick(rand, ['163.com', 'qq.com', 'example.com', 'example.cn', 'mail.example.org'])}`;
}

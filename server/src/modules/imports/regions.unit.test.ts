import { describe, expect, it } from 'vitest';
import { customerFields } from './fields.js';
import { canonicalCity, canonicalProvince } from './regions.js';
import { synonymOption } from './value-synonyms.js';

describe('region names of other CRMs', () => {
  it('turns every provincial-level division written in English or short into the archive\'s name', () => {
    const english: Record<string, string> = {
      Beijing: '北京市', Tianjin: '天津市', Shanghai: '上海市', Chongqing: '重庆市', Hebei: '河北省', Shanxi: '山西省', Liaoning: '辽宁省', Jilin: '吉林省',
      Heilongjiang: '黑龙江省', Jiangsu: '江苏省', Zhejiang: '浙江省', Anhui: '安徽省', Fujian: '福建省', Jiangxi: '江西省', Shandong: '山东省', Henan: '河南省',
      Hubei: '湖北省', Hunan: '湖南省', Guangdong: '广东省', Hainan: '海南省', Sichuan: '四川省', Guizhou: '贵州省', Yunnan: '云南省', Shaanxi: '陕西省',
      Gansu: '甘肃省', Qinghai: '青海省', Taiwan: '台湾省', 'Inner Mongolia': '内蒙古自治区', Guangxi: '广西壮族自治区', Tibet: '西藏自治区',
      Ningxia: '宁夏回族自治区', Xinjiang: '新疆维吾尔自治区', 'Hong Kong': '香港特别行政区', Macau: '澳门特别行政区',
    };
    expect(Object.keys(english)).toHaveLength(34);
    for (const [name, canonical] of Object.entries(english)) expect(canonicalProvince(name)).toBe(canonical);
    expect(canonicalProvince('Guangdong Province')).toBe('广东省');
    expect(canonicalProvince('Shanghai Shi')).toBe('上海市');
    expect(canonicalProvince('  shanghai  ')).toBe('上海市');
    expect(canonicalProvince('广东')).toBe('广东省');
    expect(canonicalProvince('CA')).toBe('CA');
  });

  it('turns major cities written in English into the archive\'s name and keeps Chinese names as written', () => {
    expect(['Guangzhou', 'Shenzhen', 'Shanghai', "Xi'an", 'Shenzhen City', 'BEIJING'].map(canonicalCity)).toEqual(['广州市', '深圳市', '上海市', '西安市', '深圳市', '北京市']);
    expect(canonicalCity('San Francisco')).toBe('San Francisco');
    expect(canonicalCity('义乌')).toBe('义乌');
  });
});

describe('value synonyms', () => {
  const field = (key: string) => {
    const found = customerFields.find((f) => f.key === key);
    if (!found) throw new Error(key);
    return found;
  };
  it('suggests options for what people write, in both languages, and nothing for what it cannot tell', () => {
    const cases: Array<[string, string, string | null]> = [
      ['kind', '公司', 'organization'], ['kind', 'Individual', 'person'], ['kind', 'VIP', null],
      ['category', '经销商', 'distributor'], ['category', 'Reseller', 'distributor'], ['category', '零售', 'retail'], ['category', 'Retail', 'retail'],
      ['status', 'subscriber', 'potential'], ['status', 'Lead', 'potential'], ['status', 'salesqualifiedlead', 'target'], ['status', 'Customer', 'repeat'],
      ['status', 'evangelist', 'loyal'], ['status', 'VIP客户', 'loyal'],
      ['lifecycleStage', 'opportunity', 'formation'], ['lifecycleStage', 'customer', 'stability'],
      ['person.gender', 'Mr', 'male'], ['person.gender', '女士', 'female'], ['organization.scale', '中型企业', 'medium'],
      ['organization.creditStanding', 'AAA', 'good'], ['person.maritalStatus', 'Married', 'married'],
    ];
    for (const [key, text, expected] of cases) expect([key, text, synonymOption(field(key), text)]).toEqual([key, text, expected]);
  });
});

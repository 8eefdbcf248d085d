import { describe, expect, it } from 'vitest';
import { regionText } from './region-text';

describe('regionText', () => {
  it('joins province, city and district with spaces', () => {
    expect(regionText({ province: '广东省', city: '深圳市', district: '南山区' })).toBe('广东省 深圳市 南山区');
  });

  it("leaves out a municipality's 市辖区 and the parts that are empty", () => {
    expect(regionText({ province: '北京市', city: '市辖区', district: '朝阳区' })).toBe('北京市 朝阳区');
    expect(regionText({ province: '浙江省', city: null, district: '' })).toBe('浙江省');
    expect(regionText({ province: null, city: null, district: null })).toBe('');
  });
});

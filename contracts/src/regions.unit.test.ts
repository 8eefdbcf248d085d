import { describe, expect, it } from 'vitest';
import { canonicalRegion, canonicalRegionFilter, withCanonicalRegion } from './regions.js';

describe('canonicalRegion', () => {
  it('writes a municipality as province = city, whatever the writer used for the city', () => {
    expect(canonicalRegion({ province: '北京市', city: '市辖区', district: '朝阳区' })).toEqual({ province: '北京市', city: '北京市', district: '朝阳区' });
    expect(canonicalRegion({ province: '重庆市', city: '县', district: '城口县' })).toEqual({ province: '重庆市', city: '重庆市', district: '城口县' });
    expect(canonicalRegion({ province: '上海', city: null, district: null })).toEqual({ province: '上海市', city: '上海市', district: null });
    expect(canonicalRegion({ province: null, city: '天津市', district: '和平区' })).toEqual({ province: '天津市', city: '天津市', district: '和平区' });
    expect(canonicalRegion({ province: '浙江省', city: '杭州市', district: '西湖区' })).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区' });
    expect(canonicalRegion({ province: '北京市', city: '朝阳区', district: null })).toEqual({ province: '北京市', city: '北京市', district: '朝阳区' });
    expect(canonicalRegion({ province: '北京市', city: '朝阳区', district: '望京' })).toEqual({ province: '北京市', city: '朝阳区', district: '望京' });
    expect(canonicalRegion({ province: '香港特别行政区', city: '香港岛', district: '中西区' })).toEqual({ province: '香港特别行政区', city: '香港岛', district: '中西区' });
  });

  it('an edit of one column completes the others from the stored row', () => {
    const stored = { province: '北京市', city: '北京市', district: '朝阳区' };
    expect(withCanonicalRegion(stored, { city: '市辖区' })).toEqual({ city: '北京市' });
    expect(withCanonicalRegion(stored, { province: '天津市' })).toEqual({ province: '天津市', city: '天津市' });
    expect(withCanonicalRegion(stored, {})).toEqual({});
  });

  it('list filters written the old way find the canonical rows', () => {
    expect(canonicalRegionFilter('北京市', '市辖区')).toEqual({ province: '北京市', city: '北京市' });
    expect(canonicalRegionFilter('北京', undefined)).toEqual({ province: '北京市', city: undefined });
    expect(canonicalRegionFilter('浙江省', '杭州市')).toEqual({ province: '浙江省', city: '杭州市' });
  });
});

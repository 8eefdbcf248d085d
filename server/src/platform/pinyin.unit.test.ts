import { describe, expect, it } from 'vitest';
import { pinyinForms, pinyinQueryForms } from './pinyin.js';
import { buildSearchDocument, searchTermsOf } from './search.js';

describe('pinyin forms', () => {
  it('gives full pinyin and initials of a Chinese name', () => {
    expect(pinyinForms('张伟')).toEqual(['zhangwei', 'zw']);
  });
  it('reads characters in context and keeps the other readings of polyphonic ones', () => {
    expect(pinyinForms('重庆')[0]).toBe('chongqing');
    const forms = pinyinForms('单雄信');
    // 单 as a surname is shan; the dictionary reads it dan out of context: both are there.
    expect(forms).toContain('danxiongxin');
    expect(forms).toContain('shanxiongxin');
    expect(forms).toContain('sxx');
    expect(forms).toContain('dxx');
  });
  it('writes ü both as v and as u', () => {
    expect(pinyinForms('吕布')).toEqual(expect.arrayContaining(['lvbu', 'lubu', 'lb']));
  });
  it('keeps letters and digits that are not Chinese, and has no forms for text without Chinese', () => {
    expect(pinyinForms('iphone专卖店')).toContain('iphonezhuanmaidian');
    expect(pinyinForms('novak')).toEqual([]);
  });
  it('caps the forms of a name full of polyphonic characters', () => {
    expect(pinyinForms('重长行单曾解').length).toBeLessThanOrEqual(8);
  });
  it('turns a query mixing Chinese and Latin into full pinyin only', () => {
    expect(pinyinQueryForms('zhang伟')).toContain('zhangwei');
    expect(pinyinQueryForms('张伟')).toEqual([]);
    expect(searchTermsOf('zhang 伟')).toEqual(['zhang伟', 'zhangwei']);
    expect(searchTermsOf('张伟')).toEqual(['张伟']);
    expect(searchTermsOf('Zhang Wei')).toEqual(['zhangwei']);
  });
  it('indexes a company by the pinyin of its name without the legal suffix', () => {
    const doc = buildSearchDocument(['星辰电子科技有限公司']);
    expect(doc.key).toBe('星辰电子科技有限公司 xingchendianzikeji xcdzkj');
    expect(doc.grams).toEqual(expect.arrayContaining(['xc', 'xcd', 'ng', 'ngc']));
  });
});

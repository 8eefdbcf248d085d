import { describe, expect, it } from 'vitest';
import { buildSearchDocument, normalizeForSearch, queryGrams } from './search.js';

describe('search grams', () => {
  it('normalises width, case and punctuation', () => {
    expect(normalizeForSearch('ＡＢＣ Co., Ltd.')).toBe('abccoltd');
    expect(normalizeForSearch('138-0013 8000')).toBe('13800138000');
  });
  it('indexes bigrams and trigrams of each value, not across values', () => {
    const doc = buildSearchDocument(['张伟', 'ab']);
    // Chinese text is searchable by its pinyin too (see pinyin.unit.test.ts).
    expect(doc.key).toBe('张伟 zhangwei zw ab');
    expect(doc.grams).toContain('张伟');
    expect(doc.grams).toEqual(expect.arrayContaining(['张', '伟']));
    expect(doc.grams).not.toContain('伟a');
    expect(buildSearchDocument(['abcd']).grams.sort()).toEqual(['ab', 'abc', 'bc', 'bcd', 'cd']);
  });
  it('queries a bigram for two characters and spread trigrams for longer ones', () => {
    // One Chinese character (a surname) is indexed alone; one letter or digit is not.
    expect(queryGrams('伟')).toEqual(['伟']);
    expect(queryGrams('a')).toBeNull();
    expect(queryGrams('7')).toBeNull();
    expect(queryGrams('张伟')).toEqual(['张伟']);
    expect(queryGrams('张伟贸易')).toEqual(['张伟贸', '伟贸易']);
    const grams = queryGrams('13800138000') ?? [];
    expect(grams.length).toBeGreaterThan(2);
    expect(grams.length).toBeLessThanOrEqual(6);
    for (const g of grams) expect('13800138000').toContain(g);
  });
});

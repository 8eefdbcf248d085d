import { describe, expect, it } from 'vitest';
import { mentionMatches } from './mention-model';

const zhang = { name: '张伟', keys: ['张伟', 'zhangwei', 'zw'] };
const emma = { name: 'Emma Smith', keys: ['emmasmith'] };

describe('mention matching', () => {
  it('finds a Chinese name by characters, full pinyin and initials', () => {
    expect(mentionMatches('张', zhang)).toBe(true);
    expect(mentionMatches('伟', zhang)).toBe(true);
    expect(mentionMatches('zhangw', zhang)).toBe(true);
    expect(mentionMatches('zw', zhang)).toBe(true);
    expect(mentionMatches('ZW', zhang)).toBe(true);
    expect(mentionMatches('wei', zhang)).toBe(false);
    expect(mentionMatches('li', zhang)).toBe(false);
  });

  it('finds an English name by any part of it, in any case; empty input lists everyone', () => {
    expect(mentionMatches('smi', emma)).toBe(true);
    expect(mentionMatches('Emma', emma)).toBe(true);
    expect(mentionMatches('zw', emma)).toBe(false);
    expect(mentionMatches('', emma)).toBe(true);
  });
});

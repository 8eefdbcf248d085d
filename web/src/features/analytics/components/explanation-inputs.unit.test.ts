import { explanationInputKinds } from '@crm/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslate, isMessageKey, loadMessages, loadRestMessages } from '../../../app/i18n/translate';
import { inputLabel, inputValue } from './explanation-inputs';

describe('explanation inputs', () => {
  // Both languages whole: the first part and the rest (these pages are not the first page).
  beforeAll(async () => {
    await Promise.all([loadMessages('zh-CN'), loadMessages('en')]);
    await loadRestMessages();
  });

  it('names every input the contracts list, in both languages', () => {
    const zh = createTranslate('zh-CN');
    const en = createTranslate('en');
    for (const key of Object.keys(explanationInputKinds)) {
      expect(isMessageKey(`analytics.input.${key}`), key).toBe(true);
      expect(inputLabel(key, zh)).not.toBe(key);
      expect(inputLabel(key, en)).not.toBe(key);
    }
    expect(inputLabel('cumulativeSharePercent', zh)).toBe('累计占比');
    expect(inputLabel('recencyDays', en)).toBe('Days since the last purchase');
    // A key this version does not know is shown as it is rather than dropped.
    expect(inputLabel('somethingNew', en)).toBe('somethingNew');
  });

  it('shows money in yuan, shares in per cent, days, dates, flags and enum values as words', () => {
    const zh = createTranslate('zh-CN');
    const en = createTranslate('en');
    expect(inputValue('peerMedian', 500000, en, 'en')).toBe('¥5,000.00');
    expect(inputValue('cumulativeSharePercent', 94, en, 'en')).toBe('94 %');
    expect(inputValue('recencyDays', 1200, zh, 'zh-CN')).toBe('1,200 天');
    expect(inputValue('windowMonths', 12, en, 'en')).toBe('12 months');
    expect(inputValue('churnFactor', 2, en, 'en')).toBe('× 2');
    expect(inputValue('highPotential', true, zh, 'zh-CN')).toBe('是');
    expect(inputValue('lost', false, en, 'en')).toBe('no');
    expect(inputValue('basis', 'gross_profit', zh, 'zh-CN')).toBe('毛利');
    expect(inputValue('segment', 'at_risk', en, 'en')).toBe('At risk');
    expect(inputValue('firstOn', '2025-01-17', en, 'en')).toBe('2025-01-17');
    expect(inputValue('firstOn', null, en, 'en')).toBe('—');
    expect(inputValue('rank', 3, en, 'en')).toBe('3');
  });
});

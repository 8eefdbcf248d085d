import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatMoney, parseYuan, yuanToFen } from './money.js';

describe('parseYuan', () => {
  it('reads yuan as people write them into exact fen', () => {
    expect(parseYuan('500000')).toBe(50_000_000);
    expect(parseYuan('500,000.00')).toBe(50_000_000);
    expect(parseYuan('¥1,200.50')).toBe(120_050);
    expect(parseYuan('￥1200')).toBe(120_000);
    expect(parseYuan('50万')).toBe(50_000_000);
    expect(parseYuan('1.5万元')).toBe(1_500_000);
    expect(parseYuan('500000元')).toBe(50_000_000);
    expect(parseYuan(' ¥ 1 200.5 ')).toBe(120_050);
    expect(parseYuan('１２００．２９')).toBe(120_029);
    expect(parseYuan('RMB 300')).toBe(30_000);
    expect(parseYuan('1.2亿')).toBe(12_000_000_000);
    expect(parseYuan('1.23456万')).toBe(1_234_560);
    expect(parseYuan('-12.5')).toBe(-1250);
    expect(parseYuan('0')).toBe(0);
  });
  it('does not drift where floats would', () => {
    expect(parseYuan('1200.29')).toBe(120_029);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('9007199254740.99')).toBe(900_719_925_474_099);
    expect(parseYuan('90071992547409.93')).toBeNull();
  });
  it('rejects what is not an amount', () => {
    for (const bad of ['abc', '1.234', '1,2', '12,34.5', '¥', '1.2.3', '五万', '1e5', '1.2345678万', '--1', '']) expect(parseYuan(bad)).toBeNull();
  });
});

describe('fen as text', () => {
  it('writes two decimals exactly and round-trips', () => {
    expect(fenToYuanText(50_000_000)).toBe('500000.00');
    expect(fenToYuanText(120_050)).toBe('1200.50');
    expect(fenToYuanText(-5)).toBe('-0.05');
    for (const fen of [0, 1, 29, 120_029, 900_719_925_474_099]) expect(parseYuan(fenToYuanText(fen))).toBe(fen);
    expect(yuanToFen(1200.29)).toBe(120_029);
    expect(yuanToFen(null)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('shows ¥ and yuan, never the code, for CNY in both languages', () => {
    expect(formatMoney(111_055_400, 'CNY', 'zh-CN')).toBe('¥1,110,554.00');
    expect(formatMoney(111_055_400, 'CNY', 'en')).toBe('¥1,110,554.00');
    expect(formatMoney(-5, 'CNY', 'en')).toBe('-¥0.05');
  });
  it('shortens to 万元 / 亿元 in zh-CN and K / M in English', () => {
    expect(formatMoney(111_055_400, 'CNY', 'zh-CN', 'short')).toBe('111.06万元');
    expect(formatMoney(12_000_000_000, 'CNY', 'zh-CN', 'short')).toBe('1.20亿元');
    expect(formatMoney(999_900, 'CNY', 'zh-CN', 'short')).toBe('¥9,999.00');
    expect(formatMoney(111_055_400, 'CNY', 'en', 'short')).toBe('¥1.11M');
    expect(formatMoney(1_250_000, 'CNY', 'en', 'short')).toBe('¥12.5K');
  });
  it('uses the symbol of other currencies, and the code only when there is none', () => {
    expect(formatMoney(100_000, 'USD', 'zh-CN')).toBe('$1,000.00');
    expect(formatMoney(100_000_000, 'USD', 'zh-CN', 'short')).toBe('$100.00万');
    expect(formatMoney(100_000, 'CHF', 'en')).toBe('CHF 1,000.00');
  });
});

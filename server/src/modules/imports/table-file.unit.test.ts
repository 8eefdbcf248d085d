import { describe, expect, it } from 'vitest';
import { plainCell } from './convert.js';
import { codeCell, csvField, csvText, dateCell, instantCell, moneyCell, neutralize, type Cell } from './table-file.js';

const shanghai = { timeZone: 'Asia/Shanghai' };

describe('CSV cells that open right in Excel', () => {
  it('neutralises every text that starts like a formula, including + or - before a digit', () => {
    for (const text of ['=1+1', '@SUM(A1)', '\tx', '\rx', '-1+HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", '-5', '+86']) {
      expect(csvText(text, shanghai)).toBe(`'${text}`);
    }
    expect(neutralize('plain')).toBe('plain');
    // Numbers are numbers, not text: a negative amount is not prefixed.
    expect(csvText(-5, shanghai)).toBe('-5');
    expect(csvText(moneyCell(-120_050), shanghai)).toBe('-1200.50');
  });

  it('keeps identifiers as text with ="…": long digit strings, leading zeros, phones with separators', () => {
    expect(csvText('13800138000', shanghai)).toBe('="13800138000"');
    expect(csvText('010010', shanghai)).toBe('="010010"');
    expect(csvText('12345', shanghai)).toBe('12345');
    expect(csvText(codeCell('100000'), shanghai)).toBe('="100000"');
    expect(csvText(codeCell('+86 138 0013 8000'), shanghai)).toBe('="+86 138 0013 8000"');
    expect(csvText(codeCell('010-8888 6666'), shanghai)).toBe('="010-8888 6666"');
    expect(csvText(codeCell('91350100M000100Y43'), shanghai)).toBe('91350100M000100Y43');
    expect(csvText(codeCell('=cmd'), shanghai)).toBe("'=cmd");
    expect(csvField(codeCell('010010'))).toBe('"=""010010"""');
  });

  it('writes yuan, dates and company-zone times', () => {
    expect(csvText(moneyCell(50_000_000), shanghai)).toBe('500000.00');
    expect(csvText(dateCell('1990-05-06'), shanghai)).toBe('1990-05-06');
    expect(csvText(instantCell('2026-12-04T15:15:00.000Z'), shanghai)).toBe('2026-12-04 23:15:00');
    expect(csvText(instantCell('2026-12-04T15:15:00.000Z'), { timeZone: 'UTC' })).toBe('2026-12-04 15:15:00');
  });

  it('reads back as what was written: the import takes off the wrapper and the apostrophe', () => {
    const texts = ['13800138000', '010010', '-1+HYPERLINK("a","b")', "+1+cmd|' /C calc'!A0", '=1', '普通文本', '12345', '\'already quoted'];
    for (const text of texts) {
      const cells: Cell[] = [text, codeCell(text)];
      for (const cell of cells) expect(plainCell(csvText(cell, shanghai))).toBe(text);
    }
  });
});

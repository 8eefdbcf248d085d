import { describe, expect, it } from 'vitest';
import { contractSequenceKey, formatContractNumber, parseContractNumberPattern } from './contracts.js';

const parts = (pattern: string) => {
  const parsed = parseContractNumberPattern(pattern);
  if (!('parts' in parsed)) throw new Error(parsed.error);
  return parsed.parts;
};
const day = { year: 2026, month: 3, day: 7 };

describe('contract number patterns', () => {
  it('format date parts, the padded sequence and literal text', () => {
    expect(formatContractNumber(parts('HT-{YYYY}-{SEQ6}'), day, 123)).toBe('HT-2026-000123');
    expect(formatContractNumber(parts('SO{YY}{MM}{DD}/{SEQ3}'), day, 5)).toBe('SO260307/005');
    expect(formatContractNumber(parts('合同{SEQ2}'), day, 1234)).toBe('合同1234');
  });

  it('key the sequence by the date parts shown: it restarts when they change, never without them', () => {
    expect(contractSequenceKey(parts('HT-{YYYY}-{SEQ6}'), day)).toBe('YYYY=2026');
    expect(contractSequenceKey(parts('HT-{YYYY}-{SEQ6}'), { ...day, month: 12 })).toBe('YYYY=2026');
    expect(contractSequenceKey(parts('{YY}{MM}{SEQ4}'), day)).toBe('YY=26,MM=03');
    expect(contractSequenceKey(parts('HT{SEQ8}'), day)).toBe('all');
  });

  it('refuse unknown parts, no or two sequences, odd characters and numbers too long', () => {
    expect(parseContractNumberPattern('HT-{YYYY}')).toEqual({ error: 'contractPatternOneSeq' });
    expect(parseContractNumberPattern('{SEQ3}{SEQ3}')).toEqual({ error: 'contractPatternOneSeq' });
    expect(parseContractNumberPattern('{HH}{SEQ3}')).toEqual({ error: 'contractPatternUnknownPart' });
    expect(parseContractNumberPattern('{SEQ3')).toEqual({ error: 'contractPatternUnknownPart' });
    expect(parseContractNumberPattern('{SEQ0}')).toEqual({ error: 'contractPatternSeqWidth' });
    expect(parseContractNumberPattern('A B{SEQ3}')).toEqual({ error: 'contractPatternChars' });
    expect(parseContractNumberPattern(`${'X'.repeat(28)}{SEQ1}`)).toHaveProperty('parts');
    expect(parseContractNumberPattern(`${'X'.repeat(28)}{YYYY}{SEQ1}`)).toEqual({ error: 'contractPatternTooLong' });
  });
});

import { describe, expect, it } from 'vitest';
import { matchesAtLeast } from './search-plan.js';

describe('the low bound of a sampled search count', () => {
  it('stays a little below the hits when every sampled hit matches, and is nothing when none does or nothing was sampled', () => {
    expect(matchesAtLeast(14_834, 500, 500)).toBeLessThan(14_834);
    expect(matchesAtLeast(14_834, 500, 500)).toBeGreaterThan(14_834 * 0.98);
    expect(matchesAtLeast(14_834, 0, 500)).toBe(0);
    expect(matchesAtLeast(14_834, 0, 0)).toBe(0);
  });

  it('lies about three standard errors of the sample below the estimate', () => {
    // "1378" at a million customers: 431 of 500 sampled hits match (86.2%, a standard error of 1.54%).
    const estimate = Math.round((14_834 * 431) / 500);
    const bound = matchesAtLeast(14_834, 431, 500);
    expect(bound).toBeLessThan(estimate - 14_834 * 2.5 * 0.0154);
    expect(bound).toBeGreaterThan(estimate - 14_834 * 3.5 * 0.0154);
    expect(bound).toBeGreaterThan(10_000);
  });

  it('keeps a count near the cap to be counted: an estimate of 10,300 from 500 hits sampled is not surely past 10,000', () => {
    expect(Math.round((12_500 * 412) / 500)).toBe(10_300);
    expect(matchesAtLeast(12_500, 412, 500)).toBeLessThan(10_000);
    // A larger share of the same hits is past it at its low bound: 11,750 estimated.
    expect(matchesAtLeast(12_500, 470, 500)).toBeGreaterThan(10_000);
  });

  it('narrows with a larger sample', () => {
    expect(matchesAtLeast(12_500, 1648, 2000)).toBeGreaterThan(matchesAtLeast(12_500, 412, 500));
  });
});

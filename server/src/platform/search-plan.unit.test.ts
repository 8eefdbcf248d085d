import { describe, expect, it } from 'vitest';
import { matchesAtLeast } from './search-plan.js';

describe('the low bound of a sampled search count', () => {
  it('is the hits when every sampled hit matches, and nothing when none does or nothing was sampled', () => {
    expect(matchesAtLeast(14_834, 500, 500)).toBe(14_834);
    expect(matchesAtLeast(14_834, 0, 500)).toBe(0);
    expect(matchesAtLeast(14_834, 0, 0)).toBe(0);
  });

  it('lies three standard errors of the sample below the estimate', () => {
    // 431 of 500 (86.2%, a standard error of 1.54%): at least 81.6% of the hits.
    expect(matchesAtLeast(14_834, 431, 500)).toBe(Math.floor(14_834 * (0.862 - 3 * Math.sqrt((0.862 * 0.138) / 500))));
    expect(matchesAtLeast(14_834, 431, 500)).toBeGreaterThan(12_000);
    expect(matchesAtLeast(14_834, 431, 500)).toBeLessThan(Math.round((14_834 * 431) / 500));
  });

  it('keeps a count near the cap to be counted: an estimate of 10,300 from 500 hits sampled is not surely past 10,000', () => {
    // 12,500 hits, 412 of 500 sampled match: estimated 10,300, at least 9,650.
    expect(Math.round((12_500 * 412) / 500)).toBe(10_300);
    expect(matchesAtLeast(12_500, 412, 500)).toBeLessThan(10_000);
    // A larger share of the same hits is past it at its low bound: 11,750 estimated.
    expect(matchesAtLeast(12_500, 470, 500)).toBeGreaterThan(10_000);
  });
});

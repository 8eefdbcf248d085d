import { describe, expect, it } from 'vitest';
import { allocatePayments, daysBefore, daysBetween } from './receivables.allocation.js';

const plan = [
  { id: 1, dueOn: '2026-03-01', position: 1, amount: 30_000_00 },
  { id: 2, dueOn: '2026-01-01', position: 2, amount: 20_000_00 },
  { id: 3, dueOn: '2026-03-01', position: 0, amount: 10_000_00 },
];

describe('payments settle instalments first due, first paid', () => {
  it('fills the earliest instalment first, whatever order the plan lists them in', () => {
    const result = allocatePayments(plan, [{ id: 1, receivedOn: '2026-01-05', amount: 25_000_00 }]);
    expect(result).toEqual([
      { id: 2, paid: 20_000_00, settledOn: '2026-01-05' },
      { id: 3, paid: 5_000_00, settledOn: null },
      { id: 1, paid: 0, settledOn: null },
    ]);
  });

  it('settles on the date of the payment that fills it, taking payments in date order', () => {
    const result = allocatePayments(plan, [
      { id: 9, receivedOn: '2026-03-02', amount: 40_000_00 },
      { id: 4, receivedOn: '2026-01-10', amount: 20_000_00 },
    ]);
    expect(result.map((r) => [r.id, r.paid, r.settledOn])).toEqual([
      [2, 20_000_00, '2026-01-10'],
      [3, 10_000_00, '2026-03-02'],
      [1, 30_000_00, '2026-03-02'],
    ]);
  });

  it('leaves what goes beyond the plan unallocated and an empty plan untouched', () => {
    expect(allocatePayments(plan, [{ id: 1, receivedOn: '2026-01-01', amount: 70_000_00 }]).every((r) => r.settledOn === '2026-01-01')).toBe(true);
    expect(allocatePayments([], [{ id: 1, receivedOn: '2026-01-01', amount: 1 }])).toEqual([]);
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-12-31', '2027-01-30')).toBe(30);
    expect(daysBefore('2027-03-01', 1)).toBe('2027-02-28');
  });
});

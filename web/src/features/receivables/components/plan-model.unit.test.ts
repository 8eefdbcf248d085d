import { describe, expect, it } from 'vitest';
import type { Instalment } from '@crm/contracts';
import { planPayload, planRows, rowsTotalFen, splitEvenly, splitRows, suggestedInvoice, suggestedPayment } from './plan-model';

const instalment = (position: number, amount: number, paid: number): Instalment => ({
  id: position, position, dueOn: `2026-0${position}-15`, amount, paid, outstanding: amount - paid,
  status: paid >= amount ? 'paid' : paid > 0 ? 'partly_paid' : 'open', daysOverdue: 0, settledOn: null, note: null,
});

describe('even split', () => {
  it('splits ¥100,000.00 in three that add up to the fen, the last taking the odd fen', () => {
    const split = splitEvenly(100_000_00, 3, '2026-01-15');
    expect(split).toEqual([
      { dueOn: '2026-01-15', amount: 33_333_33 },
      { dueOn: '2026-02-15', amount: 33_333_33 },
      { dueOn: '2026-03-15', amount: 33_333_34 },
    ]);
  });

  it('always sums exactly to the total, whatever the count', () => {
    for (const total of [1, 7, 99, 100_00, 123_456_789, 1_000_000_01]) {
      for (const count of [1, 2, 3, 7, 12, 120]) {
        const split = splitEvenly(total, count, '2026-05-01');
        expect(split.reduce((sum, r) => sum + r.amount, 0)).toBe(total);
        expect(split.every((r) => Number.isInteger(r.amount) && r.amount > 0)).toBe(true);
      }
    }
  });

  it('never makes an instalment of nothing, and makes none of nothing', () => {
    expect(splitEvenly(2, 5, '2026-01-01').map((r) => r.amount)).toEqual([1, 1]);
    expect(splitEvenly(0, 3, '2026-01-01')).toEqual([]);
    expect(splitEvenly(100, 0, '2026-01-01')).toEqual([]);
    expect(splitEvenly(100.5, 2, '2026-01-01')).toEqual([]);
  });

  it('falls due monthly, on the last day of a month that lacks the day', () => {
    expect(splitEvenly(400, 4, '2026-01-31').map((r) => r.dueOn)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(splitEvenly(200, 2, '2027-12-15').map((r) => r.dueOn)).toEqual(['2027-12-15', '2028-01-15']);
  });

  it('gives the form yuan', () => {
    expect(splitRows(100_000_00, 3, '2026-01-15').map((r) => r.amount)).toEqual([33_333.33, 33_333.33, 33_333.34]);
  });
});

describe('yuan in the form, fen for the API', () => {
  it('sums typed yuan exactly in fen', () => {
    expect(rowsTotalFen([{ dueOn: null, amount: 0.1 }, { dueOn: null, amount: 0.2 }])).toBe(30);
    expect(rowsTotalFen([{ dueOn: null, amount: 33_333.33 }, { dueOn: null, amount: 33_333.33 }, { dueOn: null, amount: 33_333.34 }])).toBe(100_000_00);
    expect(rowsTotalFen([{ dueOn: null, amount: null }, undefined, { dueOn: null, amount: 1_234_567.89 }])).toBe(123_456_789);
  });

  it('sends the rows in fen with the plan version, a note only when written', () => {
    const rows = [
      { dueOn: '2026-01-15', amount: 30_000, note: ' 首付款 ' },
      { dueOn: '2026-06-30', amount: 70_000.01, note: '' },
    ];
    expect(planPayload(rows, 4)).toEqual({
      instalments: [
        { dueOn: '2026-01-15', amount: 30_000_00, note: '首付款' },
        { dueOn: '2026-06-30', amount: 70_000_01 },
      ],
      planVersion: 4,
    });
    expect(planPayload([], 0)).toEqual({ instalments: [], planVersion: 0 });
  });

  it('reads a saved plan back as yuan, and offers one empty row without a plan', () => {
    expect(planRows({ instalments: [instalment(1, 33_333_34, 0)] })).toEqual([{ dueOn: '2026-01-15', amount: 33_333.34, note: '' }]);
    expect(planRows({ instalments: [] })).toEqual([{ dueOn: null, amount: null, note: '' }]);
  });
});

describe('suggested amounts', () => {
  it("suggests the first unpaid instalment's outstanding part, else what is left of the contract", () => {
    const instalments = [instalment(1, 30_000_00, 30_000_00), instalment(2, 40_000_00, 10_000_00), instalment(3, 30_000_00, 0)];
    expect(suggestedPayment({ instalments, outstanding: 60_000_00 })).toBe(30_000_00);
    expect(suggestedPayment({ instalments: [], outstanding: 12_345 })).toBe(12_345);
    expect(suggestedPayment({ instalments: [instalment(1, 50_00, 50_00)], outstanding: 20_00 })).toBe(20_00);
  });

  it('suggests invoicing what was received and not invoiced, else the rest of the amount', () => {
    expect(suggestedInvoice({ amount: 100_00, received: 60_00, invoiced: 20_00 })).toBe(40_00);
    expect(suggestedInvoice({ amount: 100_00, received: 0, invoiced: 30_00 })).toBe(70_00);
    expect(suggestedInvoice({ amount: 100_00, received: 100_00, invoiced: 100_00 })).toBe(0);
  });
});

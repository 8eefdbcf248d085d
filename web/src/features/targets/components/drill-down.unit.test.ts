import { describe, expect, it } from 'vitest';
import { attainmentDrillDown, periodDays } from './drill-down';

const user = { subjectType: 'user' as const, subjectId: 42 };
const department = { subjectType: 'department' as const, subjectId: 7 };
const paramsOf = (href: string) => new URL(href, 'http://crm.test').searchParams;
const pathOf = (href: string) => new URL(href, 'http://crm.test').pathname;

describe('period → days', () => {
  it('a month, a quarter and a year, last days inclusive (leap February too)', () => {
    expect(periodDays('2026-05')).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('attainment drill-down', () => {
  it("new customers: the person's customers created in the period, as the customer list reads them", () => {
    for (const [period, from, to] of [
      ['2026-05', '2026-05-01', '2026-05-31'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026', '2026-01-01', '2026-12-31'],
    ] as const) {
      const d = attainmentDrillDown('new_customers', user, period);
      expect(d?.scope).toBe('exact');
      expect(pathOf(d?.href ?? '')).toBe('/customers');
      // The customer list reads ownerId, createdFrom and createdTo (both days inclusive, company time zone).
      expect(Object.fromEntries(paramsOf(d?.href ?? ''))).toEqual({ ownerId: '42', createdFrom: from, createdTo: to });
    }
  });

  it("signed contracts: the person's active or completed contracts signed in the period, as the contract list reads them", () => {
    for (const [period, from, to] of [
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2028-02', '2028-02-01', '2028-02-29'],
      ['2026', '2026-01-01', '2026-12-31'],
    ] as const) {
      const d = attainmentDrillDown('contract_amount', user, period);
      expect(d).toMatchObject({ scope: 'exact', from, to });
      expect(pathOf(d?.href ?? '')).toBe('/contracts');
      // The contract list reads ownerId, signedFrom and signedTo (both days inclusive) and several statuses comma-separated.
      const params = paramsOf(d?.href ?? '');
      expect(Object.fromEntries(params)).toEqual({ ownerId: '42', signedFrom: from, signedTo: to, status: expect.any(String) });
      expect((params.get('status') ?? '').split(',').sort()).toEqual(['active', 'completed']);
    }
  });

  it("amount collected: the person's payments received in the period, as the payments tab reads them", () => {
    const d = attainmentDrillDown('amount_collected', user, '2026-Q2');
    expect(d).toMatchObject({ scope: 'paymentsInScope', from: '2026-04-01', to: '2026-06-30' });
    expect(pathOf(d?.href ?? '')).toBe('/receivables');
    // The receivables page reads tab, from and to (both days inclusive, as the payment list query has them) and ownerId.
    expect(Object.fromEntries(paramsOf(d?.href ?? ''))).toEqual({ tab: 'payments', from: '2026-04-01', to: '2026-06-30', ownerId: '42' });
    expect(Object.fromEntries(paramsOf(attainmentDrillDown('amount_collected', user, '2027-02')?.href ?? ''))).toMatchObject({ from: '2027-02-01', to: '2027-02-28', ownerId: '42' });
  });

  it('department rows: no link, as none of the lists has a department filter', () => {
    expect(attainmentDrillDown('new_customers', department, '2026-05')).toBeNull();
    expect(attainmentDrillDown('contract_amount', department, '2026-05')).toBeNull();
    expect(attainmentDrillDown('amount_collected', department, '2026-05')).toBeNull();
  });
});

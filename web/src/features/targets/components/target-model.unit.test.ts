import { describe, expect, it } from 'vitest';
import type { AttainmentRow } from '@crm/contracts';
import { attainmentPercent, attainmentTree, formValues, periodOf, periodStart, targetItems } from './target-model';

const row = (subjectType: 'user' | 'department', subjectId: number, parentId: number | null): AttainmentRow => ({
  subjectType, subjectId, name: `${subjectType}${subjectId}`, parentId, target: null, targetFrom: null, membersTarget: null, actual: 0, attainmentBp: null,
});

describe('attainment tree', () => {
  it('nests departments and users; a user with the same id as a department stays a user', () => {
    const tree = attainmentTree([row('department', 1, null), row('department', 2, 1), row('user', 1, 2), row('user', 7, 1), row('user', 9, 99)]);
    expect(tree.map((n) => n.key)).toEqual(['department:1', 'user:9']);
    const top = tree[0];
    expect(top?.children?.map((n) => n.key)).toEqual(['department:2', 'user:7']);
    expect(top?.children?.[0]?.children?.map((n) => n.key)).toEqual(['user:1']);
  });
});

describe('periods', () => {
  it('names months, quarters and years and reads them back', () => {
    expect(periodOf('month', { year: 2026, month: 3 })).toBe('2026-03');
    expect(periodOf('quarter', { year: 2026, month: 12 })).toBe('2026-Q4');
    expect(periodOf('quarter', { year: 2026, month: 4 })).toBe('2026-Q2');
    expect(periodOf('year', { year: 2026, month: 7 })).toBe('2026');
    expect(periodStart('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, month: 7 });
    expect(periodStart('2026-11')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(periodStart('2027')).toEqual({ kind: 'year', year: 2027, month: 1 });
  });
});

describe('form values', () => {
  it("reads one subject's counts and writes every period back, empty ones as null", () => {
    const items = [
      { subjectType: 'user' as const, subjectId: 3, period: '2026-01', value: 5 },
      { subjectType: 'department' as const, subjectId: 3, period: '2026-01', value: 50 },
    ];
    expect(formValues(items, { type: 'user', id: 3 }, 'new_customers')).toEqual({ '2026-01': 5 });
    expect(targetItems({ '2026-01': 5, '2026-02': undefined, '2026-03': 2.6 }, ['2026-01', '2026-02', '2026-03'], { type: 'user', id: 3 }, 'new_customers')).toEqual([
      { subjectType: 'user', subjectId: 3, period: '2026-01', value: 5 },
      { subjectType: 'user', subjectId: 3, period: '2026-02', value: null },
      { subjectType: 'user', subjectId: 3, period: '2026-03', value: 3 },
    ]);
  });
});

describe('attainment percent', () => {
  it('shows the figure and caps the bar', () => {
    expect(attainmentPercent(null)).toBeNull();
    expect(attainmentPercent(5000)).toEqual({ shown: '50%', bar: 50 });
    expect(attainmentPercent(3333)).toEqual({ shown: '33.3%', bar: 33.33 });
    expect(attainmentPercent(15000)).toEqual({ shown: '150%', bar: 100 });
  });
});

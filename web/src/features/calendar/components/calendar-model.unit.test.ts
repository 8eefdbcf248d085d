import type { CalendarItem } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { groupByDay, itemPath, parseAnchor, parseView, parseWho, shiftAnchor, viewRange, weekStart } from './calendar-model';

const item = (patch: Partial<CalendarItem>): CalendarItem => ({
  key: 'task:1', kind: 'task', id: 1, date: '2026-11-24', time: null, durationMinutes: null, title: '回访', userId: 2, userName: '张伟',
  customerId: null, customerName: null, contractId: null, status: 'open', overdue: false, followUpKind: null, careKind: null, remindBeforeMinutes: null, ...patch,
});

describe('calendar views', () => {
  it('reads the address: view, day and whose calendar, falling back sensibly', () => {
    expect(parseView('week', false)).toBe('week');
    expect(parseView(null, false)).toBe('month');
    expect(parseView('year', true)).toBe('day');
    expect(parseAnchor('2027-02-29', '2026-11-22')).toBe('2026-11-22');
    expect(parseAnchor('2028-02-29', '2026-11-22')).toBe('2028-02-29');
    expect(parseWho('team')).toBe('team');
    expect(parseWho('12')).toBe(12);
    expect(parseWho('0')).toBeNull();
    expect(parseWho('x')).toBeNull();
  });

  it('weeks start on Monday in Chinese and Sunday in English; a month is its six-week grid', () => {
    // 2026-11-22 is a Sunday.
    expect(weekStart('2026-11-22', 1)).toBe('2026-11-16');
    expect(weekStart('2026-11-22', 0)).toBe('2026-11-22');
    expect(viewRange('week', '2026-11-25', 1)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(viewRange('month', '2026-11-25', 1)).toEqual({ from: '2026-10-26', to: '2026-12-06' });
    expect(viewRange('month', '2027-02-10', 0)).toEqual({ from: '2027-01-31', to: '2027-03-13' });
    expect(viewRange('day', '2026-12-31', 0)).toEqual({ from: '2026-12-31', to: '2026-12-31' });
  });

  it('steps by day, week or month across month and year ends', () => {
    expect(shiftAnchor('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftAnchor('week', '2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftAnchor('month', '2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftAnchor('month', '2027-03-31', -1)).toBe('2027-02-28');
    expect(shiftAnchor('month', '2026-12-15', 1)).toBe('2027-01-15');
  });

  it('groups by day and links each item to its record', () => {
    const items = [item({ key: 'a', date: '2026-11-24' }), item({ key: 'b', date: '2026-11-25' }), item({ key: 'c', date: '2026-11-24' })];
    expect([...groupByDay(items).entries()].map(([day, list]) => [day, list.map((i) => i.key)])).toEqual([['2026-11-24', ['a', 'c']], ['2026-11-25', ['b']]]);
    expect(itemPath(item({ id: 7 }))).toBe('/tasks?task=7');
    expect(itemPath(item({ kind: 'next_follow_up', id: 8 }))).toBe('/tasks?task=8');
    expect(itemPath(item({ kind: 'follow_up', customerId: 3 }))).toBe('/customers/3');
    expect(itemPath(item({ kind: 'care_reminder', customerId: 3, contractId: 9 }))).toBe('/contracts/9');
    expect(itemPath(item({ kind: 'care_reminder', customerId: 3 }))).toBe('/customers/3');
  });
});

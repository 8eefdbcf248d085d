import { describe, expect, it } from 'vitest';
import { daysFrom } from '../../platform/calendar-days.js';
import { addMonths, everyMonthsWithin, monthDayKeysOn, monthDayNumbersOn, yearlyOn, yearlyWithin } from './reminders.dates.js';

describe('yearly dates', () => {
  it('29 February falls on 28 February in a common year and on 29 February in a leap year', () => {
    expect(yearlyOn('1992-02-29', 2027)).toBe('2027-02-28');
    expect(yearlyOn('1992-02-29', 2028)).toBe('2028-02-29');
    expect(yearlyOn('1990-12-31', 2027)).toBe('2027-12-31');
    expect(monthDayKeysOn('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(monthDayKeysOn('2028-02-28')).toEqual(['02-28']);
    expect(monthDayKeysOn('2028-02-29')).toEqual(['02-29']);
  });

  it('finds the occurrence in a window across the year end, with the years since; none before the date itself', () => {
    const span = daysFrom('2026-12-30', '2027-01-02');
    expect(yearlyWithin('1980-01-01', span)).toEqual({ on: '2027-01-01', years: 47 });
    expect(yearlyWithin('1980-12-31', span)).toEqual({ on: '2026-12-31', years: 46 });
    expect(yearlyWithin('1980-01-03', span)).toBeNull();
    expect(yearlyWithin('2026-12-31', span)).toBeNull();
    expect(yearlyWithin('1992-02-29', daysFrom('2027-02-27', '2027-03-01'))).toEqual({ on: '2027-02-28', years: 35 });
    expect(yearlyWithin('1992-02-29', daysFrom('2028-02-27', '2028-03-01'))).toEqual({ on: '2028-02-29', years: 36 });
  });
});

describe('every N months', () => {
  it('keeps the day of the month or takes the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-01-31', 13)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15');
    expect(monthDayNumbersOn('2027-02-28')).toEqual(['28', '29', '30', '31']);
    expect(monthDayNumbersOn('2027-04-30')).toEqual(['30', '31']);
    expect(monthDayNumbersOn('2027-04-29')).toEqual(['29']);
  });

  it('finds the visit in a window with its number; none at signing or off the interval', () => {
    expect(everyMonthsWithin('2026-08-31', 6, daysFrom('2027-02-25', '2027-03-03'))).toEqual({ on: '2027-02-28', nth: 1 });
    expect(everyMonthsWithin('2026-08-31', 3, daysFrom('2027-02-25', '2027-03-03'))).toEqual({ on: '2027-02-28', nth: 2 });
    expect(everyMonthsWithin('2026-08-31', 4, daysFrom('2027-02-25', '2027-03-03'))).toBeNull();
    expect(everyMonthsWithin('2027-02-27', 1, daysFrom('2027-02-25', '2027-03-03'))).toBeNull();
    expect(everyMonthsWithin('2026-12-15', 1, daysFrom('2027-01-14', '2027-01-16'))).toEqual({ on: '2027-01-15', nth: 1 });
    expect(everyMonthsWithin('2026-12-15', 0, daysFrom('2027-01-14', '2027-01-16'))).toBeNull();
  });
});

import { daysInMonth, isLeapYear } from '../../platform/calendar-days.js';

/**
 * When repeating dates fall: a birthday or anniversary each year, a maintenance visit every N
 * months after signing. All days are YYYY-MM-DD in the company's calendar.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const partsOf = (day: string) => ({ y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)) });

/** The day a yearly date (a birthday, a wedding) falls on in `year`: 29 February on 28 February in a common year. */
export function yearlyOn(date: string, year: number): string {
  const { m, d } = partsOf(date);
  const day = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d;
  return `${year}-${pad(m)}-${pad(day)}`;
}

/** The month-day keys (MM-DD) of stored dates that fall on `day`: its own, and 02-29 on 28 February of a common year. */
export function monthDayKeysOn(day: string): string[] {
  const { y, m, d } = partsOf(day);
  const keys = [day.slice(5)];
  if (m === 2 && d === 28 && !isLeapYear(y)) keys.push('02-29');
  return keys;
}

/** The first day from..to a yearly date falls on, after the date itself (a birthday before the birth is none), with the years since. */
export function yearlyWithin(date: string, days: readonly string[]): { on: string; years: number } | null {
  for (const day of days) {
    const year = Number(day.slice(0, 4));
    if (day > date && yearlyOn(date, year) === day) return { on: day, years: year - Number(date.slice(0, 4)) };
  }
  return null;
}

/**
 * The day `months` months after `start`, keeping its day of the month or taking the month's last
 * day when it has fewer (signed 31 January, every month: 28/29 February, 31 March, 30 April).
 */
export function addMonths(start: string, months: number): string {
  const { y, m, d } = partsOf(start);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The days of the month (DD) a start day may have when something every N months falls on `day`: its own, and the longer months' ends on a month's last day. */
export function monthDayNumbersOn(day: string): string[] {
  const { y, m, d } = partsOf(day);
  const numbers = [pad(d)];
  if (d === daysInMonth(y, m)) for (let extra = d + 1; extra <= 31; extra++) numbers.push(pad(extra));
  return numbers;
}

/** The first day from..to a visit every `every` months after `start` falls on, with its number (1: the first visit). */
export function everyMonthsWithin(start: string, every: number, days: readonly string[]): { on: string; nth: number } | null {
  if (every <= 0) return null;
  const s = partsOf(start);
  for (const day of days) {
    const { y, m } = partsOf(day);
    const months = (y - s.y) * 12 + (m - s.m);
    if (months <= 0 || months % every !== 0) continue;
    if (addMonths(start, months) === day) return { on: day, nth: months / every };
  }
  return null;
}

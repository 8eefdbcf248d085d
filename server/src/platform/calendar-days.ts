import { wallClock } from './company.js';

/**
 * Calendar-day arithmetic on YYYY-MM-DD strings (days of the company's calendar, not instants),
 * and the instant a wall-clock time of such a day is in a time zone.
 */

const dayMs = 24 * 60 * 60 * 1000;
const utcOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day `n` days after (or before, negative) `day`. */
export function addDays(day: string, n: number): string {
  return iso(utcOf(day) + n * dayMs);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / dayMs);
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How many days the month has (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a wall-clock time (HH:MM) of a day is in `timeZone`; a time a clock change skips lands just after it. */
export function localInstant(day: string, time: string, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  // The zone's offset at that moment, applied twice so that a time near a clock change lands right.
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(instant), timeZone);
    instant += asUtc - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  }
  return new Date(instant);
}

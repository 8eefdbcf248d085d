import { calendarMaxDays, type CalendarItem } from '@crm/contracts';

/** The calendar's views, in the order the switch shows them. */
export const calendarViews = ['day', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

const dayMs = 24 * 60 * 60 * 1000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return iso(utc(day) + n * dayMs);
}

/** The view in the address; a phone starts on the day's list, a wider screen on the month. */
export function parseView(value: string | null, mobile: boolean): CalendarView {
  return calendarViews.find((v) => v === value) ?? (mobile ? 'day' : 'month');
}

/** A real day (YYYY-MM-DD) from the address, else today. */
export function parseAnchor(value: string | null, today: string): string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const ms = utc(value);
  return !Number.isNaN(ms) && iso(ms) === value ? value : today;
}

/** Whose calendar the address asks for: mine (null), the team's, or a user's. */
export type CalendarWho = null | 'team' | number;
export function parseWho(value: string | null): CalendarWho {
  if (value === 'team') return 'team';
  if (value !== null && /^\d{1,9}$/.test(value) && Number(value) > 0) return Number(value);
  return null;
}

/** The first day of the week of `day`: Monday (1) in Chinese, Sunday (0) in English, as the month grid shows it. */
export function weekStart(day: string, firstDay: 0 | 1): string {
  const weekday = new Date(utc(day)).getUTCDay();
  return addDays(day, -((weekday - firstDay + 7) % 7));
}

/** The days a view shows: the day, its week, or the month's six-week grid (at most what one request may ask). */
export function viewRange(view: CalendarView, anchor: string, firstDay: 0 | 1): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  if (view === 'week') {
    const from = weekStart(anchor, firstDay);
    return { from, to: addDays(from, 6) };
  }
  const from = weekStart(`${anchor.slice(0, 7)}-01`, firstDay);
  return { from, to: addDays(from, calendarMaxDays - 1) };
}

/** The anchor a step back or forward moves to: a day, a week, or the same day of the next month (its last day when shorter). */
export function shiftAnchor(view: CalendarView, anchor: string, step: 1 | -1): string {
  if (view === 'day') return addDays(anchor, step);
  if (view === 'week') return addDays(anchor, 7 * step);
  const [y = 0, m = 1, d = 1] = anchor.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + step + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m - 1 + step, Math.min(d, last)));
}

/** Every day from..to. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The items of each day, in the server's order. */
export function groupByDay(items: readonly CalendarItem[]): Map<string, CalendarItem[]> {
  const days = new Map<string, CalendarItem[]>();
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item]);
  return days;
}

/** Where an item opens: a task in the task drawer, a meeting or birthday on its customer, a contract's reminder on the contract. */
export function itemPath(item: CalendarItem): string {
  if (item.kind === 'task' || item.kind === 'next_follow_up') return `/tasks?task=${item.id}`;
  if (item.kind === 'care_reminder' && item.contractId !== null) return `/contracts/${item.contractId}`;
  return item.customerId !== null ? `/customers/${item.customerId}` : '/calendar';
}

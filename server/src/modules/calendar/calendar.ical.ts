import type { CalendarItem } from '@crm/contracts';
import ical, { ICalAlarmType } from 'ical-generator';
import { localInstant } from '../../platform/calendar-days.js';

/** Where an item opens in the web app. */
export function itemPath(item: CalendarItem): string {
  if (item.kind === 'task' || item.kind === 'next_follow_up') return `/tasks?task=${item.id}`;
  if (item.contractId !== null && item.kind === 'care_reminder') return `/contracts/${item.contractId}`;
  return item.customerId !== null ? `/customers/${item.customerId}` : '/calendar';
}

/**
 * The items as an iCalendar document: a timed item at its instant (UTC, from the company's wall
 * clock), an item of a whole day as that day (a DATE, the company's calendar day); open tasks with
 * a reminder carry it as an alarm. UIDs are stable, so a calendar app updates rather than duplicates.
 */
export function buildIcs(items: CalendarItem[], options: { name: string; timeZone: string; origin: string; now: Date; label: (item: CalendarItem) => string }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'crm', product: 'calendar', language: 'ZH' }, ttl: 60 * 60 });
  calendar.x('X-WR-TIMEZONE', options.timeZone);
  for (const item of items) {
    const timed = item.time !== null;
    const start = timed ? localInstant(item.date, item.time ?? '00:00', options.timeZone) : new Date(`${item.date}T00:00:00Z`);
    const event = calendar.createEvent({
      id: `${item.key.replace(':', '-')}@crm`,
      stamp: options.now,
      start,
      ...(timed ? { end: new Date(start.getTime() + (item.durationMinutes ?? 30) * 60_000) } : { allDay: true }),
      summary: item.status === 'done' ? `✓ ${item.title}` : item.title,
      description: [options.label(item), item.customerName].filter(Boolean).join(' · '),
      url: `${options.origin}${itemPath(item)}`,
    });
    if (timed && item.status === 'open' && item.remindBeforeMinutes !== null) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: item.remindBeforeMinutes * 60, description: item.title });
    }
  }
  return calendar.toString();
}

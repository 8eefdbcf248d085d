import { z } from 'zod';
import { id, isoDate, settingsVersion } from './common.js';
import { followUpKinds, taskStatuses } from './activities.js';

/**
 * The salesperson's calendar (日历), care reminders (关怀提醒) and the private iCalendar feed.
 * Care reminders come from the archive every day: birthdays of person customers and of contacts,
 * wedding anniversaries, contract renewals and maintenance visits every N months after signing.
 * Each goes to the record's owner once per occurrence, as a notification and on the calendar.
 */

export const careReminderKinds = ['customer_birthday', 'contact_birthday', 'wedding_anniversary', 'contract_renewal', 'maintenance'] as const;
export type CareReminderKind = (typeof careReminderKinds)[number];

/** A calendar day that exists (2026-02-30 does not). */
export const calendarDay = isoDate.refine(
  (v) => {
    // Zod runs this check after a failed format check too: an unreadable value is simply not a day.
    const ms = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  },
  { message: 'YYYY-MM-DD' },
);

const daysAhead = z.number().int().min(0).max(60);
/** How many days ahead each kind is told (null: that kind is off); maintenance every N months (0: off). */
export const reminderSettingsValue = z.object({
  customerBirthdayDays: daysAhead.nullable().default(3),
  contactBirthdayDays: daysAhead.nullable().default(3),
  weddingAnniversaryDays: daysAhead.nullable().default(3),
  maintenanceMonths: z.number().int().min(0).max(60).default(0),
  maintenanceDays: daysAhead.default(7),
});
export const reminderSettings = z.object({
  customerBirthdayDays: z.number().int().nullable(),
  contactBirthdayDays: z.number().int().nullable(),
  weddingAnniversaryDays: z.number().int().nullable(),
  maintenanceMonths: z.number().int(),
  maintenanceDays: z.number().int(),
  /** Renewals follow the contract renewal days (合同设置), read here, changed there. */
  contractRenewalDays: z.number().int(),
  version: z.number().int(),
});
export type ReminderSettings = z.infer<typeof reminderSettings>;
export const reminderSettingsUpdate = z
  .object({
    customerBirthdayDays: daysAhead.nullable(),
    contactBirthdayDays: daysAhead.nullable(),
    weddingAnniversaryDays: daysAhead.nullable(),
    maintenanceMonths: z.number().int().min(0).max(60),
    maintenanceDays: daysAhead,
    version: settingsVersion,
  })
  .strict();
export type ReminderSettingsUpdate = z.input<typeof reminderSettingsUpdate>;

/** The longest range one calendar request covers: six weeks, a month view's grid. */
export const calendarMaxDays = 42;

/** GET /calendar: your days from..to (at most six weeks), or those of a user in your data scope, or your whole team's. */
export const calendarQuery = z
  .object({
    from: calendarDay,
    to: calendarDay,
    userId: id.optional(),
    /** Everyone in your data scope (a manager's team). */
    team: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type CalendarQuery = z.input<typeof calendarQuery>;

/** What a calendar item is: a task, the next follow-up a follow-up planned, a meeting or visit that happened, a care reminder. */
export const calendarItemKinds = ['task', 'next_follow_up', 'follow_up', 'care_reminder'] as const;
export type CalendarItemKind = (typeof calendarItemKinds)[number];

export const calendarItem = z.object({
  /** Unique in a response: kind and id (`task:12`). */
  key: z.string(),
  kind: z.enum(calendarItemKinds),
  /** The task's, follow-up's or care reminder's id. */
  id: z.number().int(),
  /** The company's calendar day, and HH:MM that day (null: any time that day). */
  date: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  title: z.string(),
  userId: z.number().int(),
  userName: z.string().nullable(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  contractId: z.number().int().nullable(),
  /** Tasks: open, done or cancelled; overdue when open and past. */
  status: z.enum(taskStatuses).nullable(),
  overdue: z.boolean(),
  followUpKind: z.enum(followUpKinds).nullable(),
  careKind: z.enum(careReminderKinds).nullable(),
  /** Tasks: minutes before the due time their reminder goes out. */
  remindBeforeMinutes: z.number().int().nullable(),
});
export type CalendarItem = z.infer<typeof calendarItem>;

export const calendarResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** The company's time zone: what the days and times mean. */
  timeZone: z.string(),
  /** Whose items: the user asked for, or everyone in scope (team). */
  users: z.array(z.object({ id: z.number().int(), name: z.string() })),
  items: z.array(calendarItem),
  /** True when a team's range held more items than one answer carries (narrow the range or pick a user). */
  truncated: z.boolean(),
});
export type CalendarResponse = z.infer<typeof calendarResponse>;

/** GET /me/calendar-feed: whether you have a feed. Its address is shown once, when made (it is kept hashed). */
export const calendarFeedState = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedState = z.infer<typeof calendarFeedState>;
/** POST /me/calendar-feed: a new private address (any earlier one stops working). */
export const calendarFeedCreated = calendarFeedState.extend({ url: z.string() });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;
export const calendarFeedCreate = z.object({}).strict();

/** The feed's file name in its address: the token (43 URL-safe characters: 32 random bytes) and .ics. Anything else is unknown (404). */
export const calendarFeedParams = z.object({ file: z.string().max(200) }).strict();
export const calendarFeedFilePattern = /^([A-Za-z0-9_-]{43})\.ics$/;

/** How far the feed reaches: from this many days back to this many ahead. */
export const calendarFeedDaysBack = 30;
export const calendarFeedDaysAhead = 180;

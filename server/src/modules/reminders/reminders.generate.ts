import type { CareReminderKind } from '@crm/contracts';
import { addDays, daysBetween, daysFrom } from '../../platform/calendar-days.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { readRenewalDays } from '../contracts/index.js';
import { notify } from '../notifications/index.js';
import { everyMonthsWithin, monthDayKeysOn, monthDayNumbersOn, yearlyWithin } from './reminders.dates.js';
import * as repo from './reminders.repository.js';
import { readReminderSettings } from './reminders.settings.js';

/** One reminder to make: what, about which record, on which day, for whom. */
interface Candidate {
  kind: CareReminderKind;
  recordId: number;
  occursOn: string;
  userId: number;
  customerId: number | null;
  contractId: number | null;
  name: string;
  /** The customer a contact belongs to (its name in the message). */
  customerName?: string;
  nth: number | null;
}

const window = (today: string, days: number) => daysFrom(today, addDays(today, days));
const unique = (values: string[]) => [...new Set(values)];

/** Birthdays and wedding anniversaries from person profiles and contacts, from today to each kind's days ahead. */
async function yearly(ctx: AppContext, today: string, settings: Awaited<ReturnType<typeof readReminderSettings>>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const profile = async (kind: CareReminderKind, field: 'birthday' | 'weddingAnniversary', days: number | null) => {
    if (days === null) return;
    const span = window(today, days);
    for (const r of await repo.personDatesOn(ctx.db, ctx.engine, field, unique(span.flatMap(monthDayKeysOn)))) {
      const hit = yearlyWithin(r.date, span);
      if (hit) out.push({ kind, recordId: r.id, occursOn: hit.on, userId: r.ownerId, customerId: r.id, contractId: null, name: r.name, nth: hit.years });
    }
  };
  await profile('customer_birthday', 'birthday', settings.customerBirthdayDays);
  await profile('wedding_anniversary', 'weddingAnniversary', settings.weddingAnniversaryDays);
  if (settings.contactBirthdayDays !== null) {
    const span = window(today, settings.contactBirthdayDays);
    for (const r of await repo.contactBirthdaysOn(ctx.db, ctx.engine, unique(span.flatMap(monthDayKeysOn)))) {
      const hit = yearlyWithin(r.date, span);
      if (hit) out.push({ kind: 'contact_birthday', recordId: r.id, occursOn: hit.on, userId: r.ownerId, customerId: r.customerId, contractId: null, name: r.name, customerName: r.customerName, nth: hit.years });
    }
  }
  return out;
}

/** Contract renewals (with the contract renewal days) and maintenance visits every N months after signing. */
async function contractDates(ctx: AppContext, today: string, settings: Awaited<ReturnType<typeof readReminderSettings>>): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const renewal = window(today, await readRenewalDays(ctx.db));
  for (const r of await repo.contractsEnding(ctx.db, today, renewal[renewal.length - 1] ?? today)) {
    if (r.ends_on) out.push({ kind: 'contract_renewal', recordId: r.id, occursOn: r.ends_on, userId: r.owner_id, customerId: r.customer_id, contractId: r.id, name: `${r.number} ${r.title}`, nth: null });
  }
  if (settings.maintenanceMonths > 0) {
    const span = window(today, settings.maintenanceDays);
    const last = span[span.length - 1] ?? today;
    for (const r of await repo.contractsSignedOnDays(ctx.db, unique(span.flatMap(monthDayNumbersOn)), last)) {
      const hit = r.signed_on ? everyMonthsWithin(r.signed_on, settings.maintenanceMonths, span) : null;
      if (hit) out.push({ kind: 'maintenance', recordId: r.id, occursOn: hit.on, userId: r.owner_id, customerId: r.customer_id, contractId: r.id, name: `${r.number} ${r.title}`, nth: hit.nth });
    }
  }
  return out;
}

/** What the reminder is about, in one language (the calendar's title, the notice's subject). */
export function careText(locale: 'en' | 'zh-CN', kind: CareReminderKind, values: { name: string; customer: string | null; nth: number | null }): string {
  return t(locale, `care_${kind}` as MessageKey, { name: values.name, customer: values.customer ?? '', nth: values.nth ?? '' });
}

/**
 * Make the care reminders due today (company time zone): each kind's occurrences from today to its
 * days ahead, once per kind, record and day (a unique index decides between runs at the same time),
 * each with a notice to the record's owner in the same transaction. Renewals are only listed:
 * the contract renewal notice (contracts module) already tells the owner, with the same days.
 * Returns how many reminders were made.
 */
export async function runCareReminders(ctx: AppContext): Promise<number> {
  const zone = await companyTimeZone(ctx.db);
  const now = ctx.clock.now();
  const today = localDate(now, zone);
  const settings = await readReminderSettings(ctx.db);
  const candidates = [...(await yearly(ctx, today, settings)), ...(await contractDates(ctx, today, settings))];
  const at = now.toISOString();
  let made = 0;
  for (const c of candidates) {
    const kept = await ctx.db.transaction().execute(async (trx) => {
      const id = await repo.insertOnce(trx, {
        kind: c.kind, record_id: c.recordId, occurs_on: c.occursOn, remind_on: today, user_id: c.userId,
        customer_id: c.customerId, contract_id: c.contractId, name: c.name.slice(0, 300), nth: c.nth, created_at: at,
      });
      if (id === null) return false;
      if (c.kind === 'contract_renewal') return true;
      const days = daysBetween(today, c.occursOn);
      const values = { name: c.name, customer: c.customerName ?? null, nth: c.nth };
      await notify(trx, {
        userId: c.userId,
        kind: 'care_reminder',
        params: {
          careKind: c.kind,
          date: c.occursOn,
          days,
          whatZh: careText('zh-CN', c.kind, values),
          whatEn: careText('en', c.kind, values),
          whenZh: days === 0 ? t('zh-CN', 'care_when_today') : t('zh-CN', 'care_when_days', { days }),
          whenEn: days === 0 ? t('en', 'care_when_today') : t('en', 'care_when_days', { days }),
        },
        entityType: c.contractId !== null ? 'contract' : 'customer',
        entityId: c.contractId ?? c.customerId ?? undefined,
        at,
      });
      return true;
    });
    if (kept) made += 1;
  }
  return made;
}

/** The scheduled task that makes care reminders every `minutes` minutes (a day's are made on its first run; later runs find them made). */
export function careRemindersTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'care-reminders', everyMs: Math.max(1, minutes) * 60_000, run: () => runCareReminders(ctx) };
}

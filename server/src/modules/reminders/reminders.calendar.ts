import type { CalendarItem, CareReminderKind, Locale } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { careText } from './reminders.generate.js';
import * as repo from './reminders.repository.js';

const customerKinds: CareReminderKind[] = ['customer_birthday', 'contact_birthday', 'wedding_anniversary'];
const contractKinds: CareReminderKind[] = ['contract_renewal', 'maintenance'];

/**
 * The care reminders falling from..to of one user (in the actor's scope, checked by the caller) or
 * of everyone in the actor's scope, as calendar items titled in `locale`: the customers' kinds for
 * those who read customers, the contracts' kinds for those who read contracts.
 */
export async function calendarCareReminders(ctx: AppContext, actor: Actor, who: { userId: number } | { team: true }, range: { from: string; to: string }, locale: Locale, limit: number): Promise<CalendarItem[]> {
  const kinds = [...(can(actor, 'customers.view') ? customerKinds : []), ...(can(actor, 'contracts.view') ? contractKinds : [])];
  const owners = 'userId' in who ? { userId: who.userId } : { scope: ownerScope(actor, 'reminders') };
  const rows = await repo.remindersBetween(ctx.db, owners, kinds, range.from, range.to, limit);
  return rows.map((r) => {
    const kind = r.kind as CareReminderKind;
    return {
      key: `care_reminder:${r.id}`,
      kind: 'care_reminder',
      id: r.id,
      date: r.occurs_on,
      time: null,
      durationMinutes: null,
      title: careText(locale, kind, { name: r.name, customer: r.customer_name, nth: r.nth }),
      userId: r.user_id,
      userName: null,
      customerId: r.customer_id,
      customerName: r.customer_name,
      contractId: r.contract_id,
      status: null,
      overdue: false,
      followUpKind: null,
      careKind: kind,
      remindBeforeMinutes: null,
    };
  });
}

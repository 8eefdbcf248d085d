import { poolRules, type Locale, type PoolRules, type PoolRunResult, type WorkbenchPoolRisk } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { readSetting } from '../../platform/settings.js';
import { recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { userLocales } from '../users/index.js';
import { customersMatching, moveCustomerOwner, ownedCustomersMatching, type ClockRow } from '../customers/index.js';
import * as repo from './pool.repository.js';

export const poolRulesKey = 'pool_rules';
const day = 24 * 60 * 60 * 1000;
const batchSize = 500;

export async function readPoolRules(db: AppContext['db']): Promise<{ value: PoolRules; version: number }> {
  return readSetting(db, poolRulesKey, poolRules);
}

function minus(now: Date, days: number): string {
  return new Date(now.getTime() - days * day).toISOString();
}

function later(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

type Reason = 'no_follow_up' | 'no_deal';

/** When a customer goes back to the pool under the rules, and why (the earliest clock to run out). */
function dueOf(row: ClockRow, rules: PoolRules): { at: Date; reason: Reason; days: number } | null {
  const start = row.owner_since ?? row.created_at;
  const candidates: Array<{ at: Date; reason: Reason; days: number }> = [];
  if (rules.noFollowUpDays !== null) {
    const from = new Date(later(start, row.last_followup_at));
    candidates.push({ at: new Date(from.getTime() + rules.noFollowUpDays * day), reason: 'no_follow_up', days: rules.noFollowUpDays });
  }
  if (rules.noDealDays !== null) {
    const from = new Date(later(start, row.last_deal_at));
    candidates.push({ at: new Date(from.getTime() + rules.noDealDays * day), reason: 'no_deal', days: rules.noDealDays });
  }
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime());
  return candidates[0] ?? null;
}

function localeOf(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}

/**
 * Apply the pool rules once: warn owners whose customers go back soon, and return the customers
 * whose clock has run out. Safe to run twice at once, on one server or two: each return is a
 * conditional update on the owner and version read (and the rule still holding), and each
 * warning a unique key, so no customer moves twice and no entry or notice is written twice.
 */
export async function runPoolRules(ctx: AppContext): Promise<PoolRunResult> {
  const { value: rules } = await readPoolRules(ctx.db);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  await repo.housekeep(ctx.db, nowIso, minus(now, rules.reclaimWaitDays));
  if (!rules.enabled) return { warned: 0, returned: 0 };
  const returned = await returnExpired(ctx, rules, now);
  const warned = rules.warnDaysBefore > 0 ? await warnOwners(ctx, rules, now) : 0;
  return { warned, returned };
}

async function returnExpired(ctx: AppContext, rules: PoolRules, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const expired = repo.clockExpired(
    { followUp: rules.noFollowUpDays === null ? null : minus(now, rules.noFollowUpDays), deal: rules.noDealDays === null ? null : minus(now, rules.noDealDays) },
    rules.exemptStatuses,
  );
  if (!expired) return 0;
  let returned = 0;
  let afterId = 0;
  for (;;) {
    const rows = await customersMatching(ctx.db, expired, afterId, batchSize);
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    const locales = await userLocales(ctx, rows.map((r) => r.owner_id));
    returned += await ctx.db.transaction().execute(async (trx) => {
      let moved = 0;
      for (const row of rows) {
        const due = dueOf(row, rules);
        if (!due) continue;
        // Only if nobody changed it since it was read and the rule still holds (a follow-up may have come in).
        if (!(await moveCustomerOwner(trx, { id: row.id, from: row.owner_id, version: row.version, to: null, at: nowIso, by: null, guard: expired }))) continue;
        moved += 1;
        await recordChange(trx, {
          entityType: 'customer', entityId: row.id, customerId: row.id, action: 'pool_return', actorId: null, at: nowIso, label: row.name,
          changes: [{ field: 'ownerId', old: row.owner_id, new: null }, { field: 'reason', old: null, new: due.reason }, { field: 'days', old: null, new: due.days }],
        });
        const reason = t(localeOf(locales.get(row.owner_id)), `poolReason_${due.reason}`, { days: due.days });
        await notify(trx, { userId: row.owner_id, kind: 'pool_returned', params: { customer: row.name, reason }, entityType: 'customer', entityId: row.id, at: nowIso });
        await repo.rememberRelease(trx, { customerId: row.id, userId: row.owner_id, kind: 'return', at: nowIso });
      }
      return moved;
    });
    if (rows.length < batchSize) break;
  }
  return returned;
}

async function warnOwners(ctx: AppContext, rules: PoolRules, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const ahead = (days: number | null) => (days === null ? null : minus(now, Math.max(0, days - rules.warnDaysBefore)));
  const soon = repo.clockExpired({ followUp: ahead(rules.noFollowUpDays), deal: ahead(rules.noDealDays) }, rules.exemptStatuses);
  if (!soon) return 0;
  let warned = 0;
  let afterId = 0;
  for (;;) {
    const rows = await customersMatching(ctx.db, soon, afterId, batchSize);
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    warned += await ctx.db.transaction().execute(async (trx) => {
      let sent = 0;
      for (const row of rows) {
        const due = dueOf(row, rules);
        // Already due: the return step handles it (or will, on the next run).
        if (!due || due.at.getTime() <= now.getTime()) continue;
        if (!(await repo.claimWarning(trx, { customerId: row.id, userId: row.owner_id, dueAt: due.at.toISOString(), at: nowIso }))) continue;
        const days = Math.max(1, Math.ceil((due.at.getTime() - now.getTime()) / day));
        await notify(trx, { userId: row.owner_id, kind: 'pool_warning', params: { customer: row.name, days }, entityType: 'customer', entityId: row.id, at: nowIso });
        sent += 1;
      }
      return sent;
    });
    if (rows.length < batchSize) break;
  }
  return warned;
}

/** How many of an owner's customers the workbench reads to sort by return date (more only count in the total). */
const riskScan = 500;

/**
 * My customers the rules return to the pool within their warning days (or at their next run:
 * already due), soonest first, at most `limit`, with how many there are; null without
 * customers.view. The same clocks and cut-offs as the warnings the rules send.
 */
export async function poolRiskOf(ctx: AppContext, actor: Actor, limit: number): Promise<{ items: WorkbenchPoolRisk[]; total: number; enabled: boolean; warnDays: number } | null> {
  if (!can(actor, 'customers.view')) return null;
  const { value: rules } = await readPoolRules(ctx.db);
  const none = { items: [], total: 0, enabled: rules.enabled, warnDays: rules.warnDaysBefore };
  if (!rules.enabled) return none;
  const now = ctx.clock.now();
  const ahead = (days: number | null) => (days === null ? null : minus(now, Math.max(0, days - rules.warnDaysBefore)));
  const soon = repo.clockExpired({ followUp: ahead(rules.noFollowUpDays), deal: ahead(rules.noDealDays) }, rules.exemptStatuses);
  if (!soon) return none;
  const { rows, total } = await ownedCustomersMatching(ctx.db, actor.userId, soon, riskScan);
  const risks = rows.flatMap((row) => {
    const due = dueOf(row, rules);
    if (!due) return [];
    const daysLeft = Math.max(0, Math.ceil((due.at.getTime() - now.getTime()) / day));
    return [{ id: row.id, name: row.name, reason: due.reason, dueAt: due.at.toISOString(), daysLeft }];
  });
  risks.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id));
  return { ...none, items: risks.slice(0, limit), total };
}

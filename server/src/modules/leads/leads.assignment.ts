import type { AssignmentRule } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { activeUserDirectory } from '../users/index.js';
import { provinceKey } from './leads.records.js';
import * as repo from './leads.repository.js';
import { readAssignmentRules } from './leads.settings.js';

type Db = AppContext['db'];

export interface Assignment {
  ownerId: number;
  ruleId: string;
  ruleName: string;
}

/**
 * Whether a rule takes a lead. Every kind narrows by its provinces and sources when it has any:
 * a region rule must have provinces and a source rule sources (the schema says so), a round-robin
 * rule takes any lead unless narrowed.
 */
function matches(rule: AssignmentRule, lead: { source: string; province: string | null }): boolean {
  if (rule.sources.length > 0 && !rule.sources.includes(lead.source)) return false;
  if (rule.provinces.length > 0) {
    const province = provinceKey(lead.province);
    if (province === '' || !rule.provinces.some((p) => provinceKey(p) === province)) return false;
  }
  return true;
}

export const counterName = (ruleId: string) => `lead_rr:${ruleId}`;

/**
 * The owners the assignment rules pick for new leads without one (null: the lead pool), in the
 * caller's transaction. Rules are tried in order; the first enabled rule that takes the lead and
 * has an active user wins. Within a rule the users take turns: the counter `lead_rr:<ruleId>`
 * holds the last user given a lead, read under a row lock and written back, so that concurrent
 * creates never pick the same turn; inactive users are skipped without losing anyone's turn.
 */
export async function applyAssignmentRules(_ctx: AppContext, trx: Db, leads: Array<{ source: string; province: string | null }>): Promise<Array<Assignment | null>> {
  const result: Array<Assignment | null> = leads.map(() => null);
  if (leads.length === 0) return result;
  const rules = (await readAssignmentRules(trx)).rules.filter((r) => r.enabled);
  if (rules.length === 0) return result;
  const active = new Set((await activeUserDirectory(trx)).map((u) => u.id));
  const groups = new Map<AssignmentRule, number[]>();
  leads.forEach((lead, index) => {
    const rule = rules.find((r) => matches(r, lead) && r.userIds.some((id) => active.has(id)));
    if (!rule) return;
    groups.set(rule, [...(groups.get(rule) ?? []), index]);
  });
  for (const rule of rules) {
    const indexes = groups.get(rule);
    if (!indexes) continue;
    const candidates = rule.userIds.filter((id) => active.has(id));
    const last = await repo.lockCounter(trx, counterName(rule.id), 0);
    const lastPosition = rule.userIds.indexOf(last);
    // The next active user after the last one given a lead, in the rule's order.
    const after = lastPosition < 0 ? -1 : candidates.findIndex((id) => rule.userIds.indexOf(id) > lastPosition);
    const start = after < 0 ? 0 : after;
    let ownerId = last;
    indexes.forEach((leadIndex, k) => {
      ownerId = candidates[(start + k) % candidates.length] ?? ownerId;
      result[leadIndex] = { ownerId, ruleId: rule.id, ruleName: rule.name };
    });
    await repo.setCounter(trx, counterName(rule.id), ownerId);
  }
  return result;
}

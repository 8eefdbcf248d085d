import type { FieldChange } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { recordChanges } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import { applyAssignmentRules } from './leads.assignment.js';
import { leadKeys, newLeadRow, type LeadInput } from './leads.records.js';
import * as repo from './leads.repository.js';

type Db = AppContext['db'];

/**
 * The one path that writes new leads (by hand, import, web form), in the caller's transaction:
 * status new, MAN grade and rank, search text, duplicate keys; leads without an owner
 * (`ownerId` left out) go through the assignment rules, `ownerId: null` stays in the lead pool;
 * each owner someone else gave leads to is notified once (the lead, or how many); one timeline entry per lead. The inputs
 * are already checked (`checkLeadInput`). Returns ids and owners in input order.
 */
export async function insertLeads(
  ctx: AppContext,
  trx: Db,
  inputs: LeadInput[],
  opts: { actorId: number | null; action: 'create' | 'import'; formId?: number | null; now: Date },
): Promise<Array<{ id: number; ownerId: number | null }>> {
  if (inputs.length === 0) return [];
  const at = opts.now.toISOString();
  const unowned = inputs.flatMap((input, i) => (input.ownerId === undefined ? [i] : []));
  const picked = await applyAssignmentRules(ctx, trx, unowned.map((i) => ({ source: inputs[i]?.source ?? '', province: inputs[i]?.province ?? null })));
  const byRule = new Map(unowned.map((leadIndex, k) => [leadIndex, picked[k] ?? null]));
  const rows = inputs.map((input, i) => {
    const ownerId = input.ownerId !== undefined ? input.ownerId : (byRule.get(i)?.ownerId ?? null);
    return newLeadRow(input, { ownerId, formId: opts.formId ?? null, actorId: opts.actorId, at });
  });
  const ids = await repo.insertMany(trx, rows);
  await repo.insertKeys(trx, rows.flatMap((row, i) => leadKeys(row).map((key) => ({ leadId: ids[i] ?? 0, key }))));

  const entries = rows.map((row, i) => {
    const rule = byRule.get(i);
    const changes: FieldChange[] = rule ? [{ field: 'ownerId', old: null, new: rule.ownerId }, { field: 'assignmentRule', old: null, new: rule.ruleName }] : [];
    return { entityType: 'lead' as const, entityId: ids[i] ?? 0, customerId: null, action: opts.action, actorId: opts.actorId, at, label: row.name, changes };
  });
  for (let i = 0; i < entries.length; i += 500) await recordChanges(trx, entries.slice(i, i + 500));

  // One notice per owner: the lead itself, or how many leads (an import can hand out thousands).
  const actorName = opts.actorId === null ? null : ((await userNames(ctx, [opts.actorId], trx)).get(opts.actorId) ?? null);
  const perOwner = new Map<number, Array<{ id: number; name: string; by: string }>>();
  for (const [i, row] of rows.entries()) {
    const ownerId = row.owner_id ?? null;
    const id = ids[i];
    if (ownerId === null || ownerId === opts.actorId || id === undefined) continue;
    perOwner.set(ownerId, [...(perOwner.get(ownerId) ?? []), { id, name: row.name, by: byRule.get(i)?.ruleName ?? actorName ?? '-' }]);
  }
  for (const [ownerId, leads] of perOwner) {
    const [first] = leads;
    if (!first) continue;
    if (leads.length === 1) await notify(trx, { userId: ownerId, kind: 'lead_assigned', params: { lead: first.name, by: first.by }, entityType: 'lead', entityId: first.id, at });
    else await notify(trx, { userId: ownerId, kind: 'leads_assigned', params: { count: leads.length, by: actorName ?? first.by }, at });
  }
  return rows.map((row, i) => ({ id: ids[i] ?? 0, ownerId: row.owner_id ?? null }));
}

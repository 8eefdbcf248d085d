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
 * each owner someone else gave a lead to is notified; one timeline entry per lead. The inputs
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

  const actorName = opts.actorId === null ? null : ((await userNames(ctx, [opts.actorId], trx)).get(opts.actorId) ?? null);
  for (const [i, row] of rows.entries()) {
    const ownerId = row.owner_id ?? null;
    const id = ids[i];
    if (ownerId === null || ownerId === opts.actorId || id === undefined) continue;
    const by = byRule.get(i)?.ruleName ?? actorName ?? '-';
    await notify(trx, { userId: ownerId, kind: 'lead_assigned', params: { lead: row.name, by }, entityType: 'lead', entityId: id, at });
  }
  return rows.map((row, i) => ({ id: ids[i] ?? 0, ownerId: row.owner_id ?? null }));
}

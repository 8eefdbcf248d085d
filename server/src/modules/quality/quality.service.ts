import {
  dataQualitySettings,
  duplicateKeyKinds,
  duplicateMatchKinds,
  type Customer,
  type DataQualityItem,
  type DataQualityIssue,
  type DataQualitySummary,
  type dataQualitySettingsUpdate,
  type DuplicateMatchKind,
  type ListResponse,
  type QualityCustomer,
  type CustomerKind,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { writeSetting } from '../../platform/settings.js';
import {
  customerQuality,
  customerScope,
  findVisible,
  freshDaysOf,
  getCustomer,
  missingFieldsOf,
  qualitySettingKey,
  readQualitySettings,
  recomputeAllCompleteness,
  writeCustomers,
  type QualityRow,
} from '../customers/index.js';
import { userNames } from '../users/index.js';

type Settings = z.output<typeof dataQualitySettings> & { version: number };

/** Every signed-in user may read them: the customer page shows completeness and freshness against them. */
export async function getQualitySettings(ctx: AppContext, _actor: Actor): Promise<Settings> {
  const { value, version } = await readQualitySettings(ctx.db);
  return { ...value, version };
}

/** Change the data-quality settings; every customer's completeness is then recomputed in the background. */
export async function updateQualitySettings(ctx: AppContext, actor: Actor, input: z.output<typeof dataQualitySettingsUpdate>): Promise<Settings> {
  authorize(actor, 'settings.edit');
  const now = ctx.clock.now().toISOString();
  const { value: current, version } = await readQualitySettings(ctx.db);
  const next = dataQualitySettings.parse({
    expected: { ...current.expected, ...(input.expected ?? {}) },
    staleDays: input.staleDays ?? current.staleDays,
    incompleteBelow: input.incompleteBelow ?? current.incompleteBelow,
  });
  if (input.version !== version || !(await writeSetting(ctx.db, qualitySettingKey, next, version, { userId: actor.userId, at: now }))) {
    const stored = await readQualitySettings(ctx.db);
    throw conflict({ ...stored.value, version: stored.version });
  }
  // Not awaited: the answer does not wait for a pass over every customer.
  recomputeAllCompleteness(ctx).catch(() => undefined);
  return { ...next, version: version + 1 };
}

/** Confirm a customer's record is still accurate: it is fresh again. */
export async function confirmCustomer(ctx: AppContext, actor: Actor, id: number): Promise<Customer> {
  authorize(actor, 'customers.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    // Not an edit: the record keeps its version (a form open elsewhere still saves).
    await writeCustomers(trx, ctx, [{ row, values: { confirmed_at: now }, timeline: [{ action: 'confirm', label: row.name }] }], { actorId: actor.userId, at: now, edit: false });
  });
  return getCustomer(ctx, actor, id);
}

async function presentRows(ctx: AppContext, rows: QualityRow[]): Promise<Map<number, QualityCustomer>> {
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  const now = ctx.clock.now();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        archiveNo: r.archive_no,
        kind: r.kind as CustomerKind,
        name: r.name,
        ownerId: r.owner_id,
        ownerName: r.owner_id !== null ? (names.get(r.owner_id) ?? null) : null,
        completeness: Number(r.completeness),
        freshDays: freshDaysOf(r, now),
        confirmedAt: r.confirmed_at,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

function staleBefore(ctx: AppContext, staleDays: number): string {
  return new Date(ctx.clock.now().getTime() - staleDays * 86_400_000).toISOString();
}

/** Groups of customers sharing keys (a group = the same set of customers), ordered by their first id. */
async function duplicateGroups(ctx: AppContext, actor: Actor): Promise<Array<{ ids: number[]; matchedOn: DuplicateMatchKind[] }>> {
  const pairs = await customerQuality.sharedKeys(ctx.db, customerScope(actor));
  const byKey = new Map<string, number[]>();
  for (const p of pairs) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p.customer_id]);
  const groups = new Map<string, { ids: number[]; matchedOn: Set<DuplicateMatchKind> }>();
  for (const [key, ids] of byKey) {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    if (sorted.length < 2) continue;
    const id = sorted.join(',');
    const group = groups.get(id) ?? { ids: sorted, matchedOn: new Set<DuplicateMatchKind>() };
    const kind = duplicateKeyKinds[key.slice(0, 1)];
    if (kind) group.matchedOn.add(kind);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((g) => ({ ids: g.ids, matchedOn: duplicateMatchKinds.filter((k) => g.matchedOn.has(k)) }))
    .sort((a, b) => (a.ids[0] ?? 0) - (b.ids[0] ?? 0) || a.ids.length - b.ids.length);
}

/** Incomplete, stale or likely-duplicate customers within the actor's data scope. */
export async function listQualityIssues(
  ctx: AppContext,
  actor: Actor,
  query: { issue: DataQualityIssue; page: number; pageSize: number },
): Promise<ListResponse<DataQualityItem>> {
  authorize(actor, 'customers.view');
  const { value: settings } = await readQualitySettings(ctx.db);
  const scope = customerScope(actor);
  const offset = (query.page - 1) * query.pageSize;
  const page = { page: query.page, pageSize: query.pageSize };
  if (query.issue === 'duplicate') {
    const groups = await duplicateGroups(ctx, actor);
    const shown = groups.slice(offset, offset + query.pageSize);
    const presented = await presentRows(ctx, await customerQuality.byIds(ctx.db, shown.flatMap((g) => g.ids)));
    const items = shown.map((g): DataQualityItem | null => {
      const group = g.ids.map((id) => presented.get(id)).filter((c): c is QualityCustomer => c !== undefined);
      const [first] = group;
      return first ? { issue: 'duplicate', customer: first, missingFields: [], group, matchedOn: g.matchedOn } : null;
    });
    return { items: items.filter((i): i is DataQualityItem => i !== null), total: groups.length, ...page };
  }
  const { rows, total } =
    query.issue === 'incomplete'
      ? await customerQuality.incomplete(ctx.db, scope, settings.incompleteBelow, query.pageSize, offset)
      : await customerQuality.stale(ctx.db, scope, staleBefore(ctx, settings.staleDays), query.pageSize, offset);
  const presented = await presentRows(ctx, rows);
  const full = await customerQuality.fullRows(ctx.db, rows.map((r) => r.id));
  const items = rows.map((r): DataQualityItem | null => {
    const customer = presented.get(r.id);
    const stored = full.get(r.id);
    return customer ? { issue: query.issue, customer, missingFields: stored ? missingFieldsOf(stored, settings) : [], group: [], matchedOn: [] } : null;
  });
  return { items: items.filter((i): i is DataQualityItem => i !== null), total, ...page };
}

/** How many incomplete, stale and duplicate-group records the actor's data scope holds. */
export async function qualitySummary(ctx: AppContext, actor: Actor): Promise<DataQualitySummary> {
  authorize(actor, 'customers.view');
  const { value: settings } = await readQualitySettings(ctx.db);
  const scope = customerScope(actor);
  const [incomplete, stale, groups] = await Promise.all([
    customerQuality.countIncomplete(ctx.db, scope, settings.incompleteBelow),
    customerQuality.countStale(ctx.db, scope, staleBefore(ctx, settings.staleDays)),
    duplicateGroups(ctx, actor),
  ]);
  return { incomplete, stale, duplicate: groups.length, staleDays: settings.staleDays, incompleteBelow: settings.incompleteBelow };
}

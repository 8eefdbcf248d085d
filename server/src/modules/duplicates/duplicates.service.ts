import { duplicateKeyKinds, duplicateMatchKinds, type CustomerMergeRecord, type DuplicateCheckResult, type DuplicateMatch, type duplicateCheck, type ListResponse } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { customerReadScope, customerScope, customerSummaries, customersWithKeys, finalSurvivor, findCustomerRow, presentCustomer, type CustomerRow } from '../customers/index.js';
import { userNames } from '../users/index.js';
import * as repo from './duplicates.repository.js';


const maxMatches = 50;

/**
 * Live customers that are likely the same as the one described: same credit code or ID-card
 * number, same normalised phone or email (its own or a contact's), or for organisations the same
 * name without its legal-form suffix.
 * Matches the actor may not read show only that they exist and their owner's name.
 */
export async function checkDuplicates(ctx: AppContext, actor: Actor, input: z.output<typeof duplicateCheck>): Promise<DuplicateCheckResult> {
  authorize(actor, 'customers.view');
  const contacts = input.contacts ?? [];
  const keys = dedupeKeys({
    name: input.name,
    isOrganization: input.kind !== 'person',
    creditCode: input.kind !== 'person' ? input.creditCode : null,
    idCard: input.kind === 'person' ? input.idCardNumber : null,
    phones: [input.phone, input.mobile, ...contacts.flatMap((c) => [c.mobile, c.phone])],
    emails: [input.email, ...contacts.map((c) => c.email)],
  });
  const found = await customersWithKeys(ctx.db, keys, input.excludeId);
  if (found.size === 0) return { matches: [] };
  const rows = await customerSummaries(ctx.db, [...found.keys()], customerReadScope(actor));
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  const matches: DuplicateMatch[] = rows.map((r) => {
    const on = new Set([...(found.get(r.id) ?? [])].map((k) => duplicateKeyKinds[k.slice(0, 1)]));
    const matchedOn = duplicateMatchKinds.filter((k) => on.has(k));
    const ownerName = r.owner_id !== null ? (names.get(r.owner_id) ?? null) : null;
    return Number(r.visible) === 1
      ? { visible: true, id: r.id, archiveNo: r.archive_no, name: r.name, ownerName, matchedOn }
      : { visible: false, ownerName, matchedOn }; // exists, owned by ownerName: nothing more
  });
  // Strongest first (more kinds of match), then the ones the user can open, then oldest.
  matches.sort((a, b) => b.matchedOn.length - a.matchedOn.length || Number(b.visible) - Number(a.visible) || (a.id ?? 0) - (b.id ?? 0));
  return { matches: matches.slice(0, maxMatches) };
}

/**
 * The merges a customer took part in, as survivor or as merged. A merged (deleted) id works too
 * when the actor may see the customer it ended up in.
 */
export async function listMerges(ctx: AppContext, actor: Actor, id: number, page: { page: number; pageSize: number }): Promise<ListResponse<CustomerMergeRecord>> {
  authorize(actor, 'customers.view');
  const scope = customerScope(actor);
  if (!(await findCustomerRow(ctx.db, id, scope))) {
    const survivor = await finalSurvivor(ctx.db, id);
    if (survivor === null || !(await findCustomerRow(ctx.db, survivor, scope))) throw notFound();
  }
  const { rows, total } = await repo.mergesOf(ctx.db, id, page.pageSize, (page.page - 1) * page.pageSize);
  const snapshots = rows.map((r) => JSON.parse(r.snapshot) as CustomerRow);
  const owners = await userNames(ctx, snapshots.map((s) => s.owner_id));
  const now = ctx.clock.now();
  return {
    items: rows.map((r, i) => {
      const snapshot = presentCustomer(snapshots[i] as CustomerRow, actor, owners, false, now);
      return {
        id: r.id,
        survivorId: r.survivor_id,
        survivorName: r.survivor_name,
        survivorArchiveNo: r.survivor_archive_no,
        mergedId: r.merged_id,
        mergedName: snapshot.name,
        mergedArchiveNo: snapshot.archiveNo,
        actorId: r.actor_id,
        actorName: r.actor_name,
        at: r.at,
        choices: JSON.parse(r.choices) as Record<string, number>,
        snapshot,
      };
    }),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

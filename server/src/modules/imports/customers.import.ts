import { customerCreate } from '@crm/contracts';
import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { mergeCustomValues } from '../custom-fields/index.js';
import {
  customerScope,
  customersByIds,
  customersWithKeys,
  draftCustomers,
  importUpdateCustomer,
  insertCustomerDrafts,
  type CustomerDraft,
  type CustomerInput,
  type CustomerRow,
} from '../customers/index.js';
import { userNames } from '../users/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { OwnerResolver } from './owners.js';
import { checkCustom, checkSchema, type ImportPlan, type RowProcessor, type RowResult, type SourceRow } from './plan.js';
import * as repo from './imports.repository.js';

type Db = AppContext['db'];

export interface PreparedCustomer {
  rowNo: number;
  messages: RowMessage[];
  input: CustomerInput | null;
  provided: Set<string>;
  /** undefined: the row names no owner (new customers go to the importer). */
  ownerId: number | null | undefined;
  custom: Record<string, unknown>;
  keys: string[];
  /** The record to insert if the row creates one (drafted before the transaction). */
  draft: CustomerDraft | null;
}

/** `p:` phone, `e:` email, `n:` organisation name: what two records share, in words. */
export function matchWords(plan: ImportPlan, keys: Iterable<string>): string {
  const kinds = new Set([...keys].map((k) => k.slice(0, 2)));
  const words: string[] = [];
  if (kinds.has('p:')) words.push(t(plan.locale, 'importMatchPhone'));
  if (kinds.has('e:')) words.push(t(plan.locale, 'importMatchEmail'));
  if (kinds.has('n:')) words.push(t(plan.locale, 'importMatchName'));
  return words.join(plan.locale === 'en' ? ', ' : '、');
}

/** Where an earlier row of this batch went, so a later row with the same keys is its duplicate. */
interface Earlier {
  rowNo: number;
  /** Null until a pending creation is written. */
  customerId: number | null;
  pending: boolean;
}

/**
 * Customers: each row is checked like a create (names, phones, emails, ID-card and credit-code
 * check digits), matched against existing customers and earlier rows by the duplicate keys, then
 * created, used to update the match, skipped or rejected according to the duplicate mode.
 */
export class CustomerImport implements RowProcessor<PreparedCustomer> {
  private readonly owners: OwnerResolver;

  constructor(private readonly plan: ImportPlan) {
    this.owners = new OwnerResolver(plan.ctx, plan.actor, plan.locale);
  }

  async prepare(rows: SourceRow[], options: { at: string }): Promise<PreparedCustomer[]> {
    const { plan } = this;
    const out: PreparedCustomer[] = [];
    for (const row of rows) {
      const converted = convertRow(row.cells, plan.columns, plan.locale);
      const messages = [...converted.messages];
      const values: Record<string, unknown> = { kind: 'organization', ...converted.values };
      if (!values.name) messages.push({ field: 'name', message: t(plan.locale, 'importRequired') });
      const checked = messages.length === 0 ? checkSchema(customerCreate, values, plan.locale) : { value: null, messages: [] };
      messages.push(...checked.messages);
      const custom = checkCustom(plan, converted.custom, false);
      messages.push(...custom.messages);
      let ownerId: number | null | undefined;
      if (converted.owner !== null) {
        const owner = await this.owners.resolve(converted.owner);
        if (owner.ok) ownerId = owner.id;
        else messages.push({ field: 'owner', message: owner.message });
      }
      const input = messages.length === 0 ? checked.value : null;
      out.push({
        rowNo: row.rowNo,
        messages,
        input,
        provided: converted.provided,
        ownerId,
        custom: custom.values,
        keys: input ? dedupeKeys({ name: input.name, isOrganization: input.kind === 'organization', phones: [input.phone, input.mobile], emails: [input.email] }) : [],
        draft: null,
      });
    }
    const creatable = out.filter((p): p is PreparedCustomer & { input: CustomerInput } => p.input !== null);
    const drafts = await draftCustomers(
      plan.ctx.db,
      creatable.map((p) => ({
        input: p.input,
        ownerId: p.ownerId === undefined ? plan.actor.userId : p.ownerId,
        custom: Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues({}, p.custom)) : undefined,
      })),
      { actorId: plan.actor.userId, at: options.at },
    );
    creatable.forEach((p, i) => (p.draft = drafts[i] ?? null));
    return out;
  }

  async decide(db: Db, prepared: PreparedCustomer[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor, mode } = plan;
    const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));

    // Existing customers holding any key of the batch, which of them the importer may see, and
    // which were created by earlier batches of this very import.
    const allKeys = [...new Set(prepared.flatMap((p) => p.keys))];
    const existing = await customersWithKeys(db, allKeys);
    const byKey = new Map<string, number[]>();
    for (const [id, keys] of existing) for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
    const { rows, visible } = await customersByIds(db, [...existing.keys()], customerScope(actor));
    const hiddenOwners = [...rows.values()].filter((r) => !visible.has(r.id)).map((r) => r.owner_id);
    const ownerNames = hiddenOwners.length > 0 ? await userNames(ctx, hiddenOwners, db) : new Map<number, string>();
    const fromThisFile = plan.jobId !== null && existing.size > 0 ? await repo.rowsThatCreated(db, plan.jobId, [...existing.keys()]) : new Map<number, number>();

    const earlier = new Map<string, Earlier>();
    const pending: Array<{ index: number; draft: CustomerDraft; earlier: Earlier }> = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending.splice(0);
      const created = options.dry ? batch.map(() => null) : await insertCustomerDrafts(db, ctx, batch.map((p) => p.draft), { actorId: actor.userId, at: options.at, action: 'import' });
      batch.forEach((p, i) => {
        const id = created[i]?.id ?? null;
        const result = results[p.index];
        if (result) result.entityId = id;
        p.earlier.customerId = id;
        p.earlier.pending = false;
      });
      // Only an update of a customer created earlier in the batch needs its row.
      if (!options.dry && mode === 'update') {
        const fresh = await customersByIds(db, batch.map((p) => p.earlier.customerId).filter((id): id is number => id !== null), null);
        for (const [id, row] of fresh.rows) {
          rows.set(id, row);
          visible.add(id);
        }
      }
    };
    const describe = (id: number, shared: Iterable<string>): RowMessage => {
      const row = rows.get(id);
      const match = matchWords(plan, shared);
      const createdBy = fromThisFile.get(id);
      if (createdBy !== undefined) return { field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: createdBy, match }) };
      if (row && visible.has(id)) return { field: 'duplicate', message: t(plan.locale, 'importDuplicateOf', { customer: row.name, archiveNo: row.archive_no, match }) };
      const owner = row?.owner_id != null ? (ownerNames.get(row.owner_id) ?? t(plan.locale, 'importNobody')) : t(plan.locale, 'importPool');
      return { field: 'duplicate', message: t(plan.locale, 'importDuplicateHidden', { owner, match }) };
    };

    for (const [index, p] of prepared.entries()) {
      const result = results[index];
      if (!p.input || !result) continue;
      const earlierHit = p.keys.map((k) => ({ key: k, hit: earlier.get(k) })).find((e) => e.hit !== undefined);
      // Existing matches, the one sharing most keys first; ties by id.
      const shared = new Map<number, string[]>();
      for (const key of p.keys) for (const id of byKey.get(key) ?? []) shared.set(id, [...(shared.get(id) ?? []), key]);
      const matches = [...shared.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
      const remember = (entry: Earlier) => {
        for (const key of p.keys) if (!earlier.has(key)) earlier.set(key, entry);
      };

      if ((!earlierHit && matches.length === 0) || mode === 'create') {
        const missing = plan.custom.fields.filter((f) => f.required && !(f.key in p.custom));
        if (missing.length > 0) {
          result.messages = missing.map((f) => ({ field: `custom.${f.key}`, message: t(plan.locale, 'customFieldRequired') }));
          continue;
        }
        if (!p.draft) continue;
        const entry: Earlier = { rowNo: p.rowNo, customerId: null, pending: true };
        pending.push({ index, draft: p.draft, earlier: entry });
        result.outcome = 'created';
        remember(entry);
        continue;
      }

      if (mode === 'skip') {
        result.outcome = 'skipped';
        if (earlierHit?.hit) {
          result.entityId = earlierHit.hit.customerId;
          result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: earlierHit.hit.rowNo, match: matchWords(plan, [earlierHit.key]) }) }];
        } else if (matches[0]) {
          const [id, keys] = matches[0];
          result.entityId = visible.has(id) ? id : null;
          result.messages = [describe(id, keys)];
        }
        continue;
      }

      // Update the match: an earlier row of the batch, else the best visible existing customer.
      let targetId: number | null = null;
      if (earlierHit?.hit) {
        if (earlierHit.hit.pending) await flush();
        targetId = earlierHit.hit.customerId;
      } else {
        const seen = matches.find(([id]) => visible.has(id));
        if (!seen && matches[0]) {
          result.messages = [describe(matches[0][0], matches[0][1])];
          continue;
        }
        targetId = seen?.[0] ?? null;
      }
      const target = targetId !== null ? rows.get(targetId) : undefined;
      if (!can(actor, 'customers.edit')) {
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importDuplicateNoEdit', { customer: target?.name ?? '', archiveNo: target?.archive_no ?? '' }) }];
        continue;
      }
      result.outcome = 'updated';
      result.entityId = targetId;
      if (options.dry || !target) continue;
      const customJson = Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues(JSON.parse(target.custom) as Record<string, unknown>, p.custom)) : undefined;
      const updated = await importUpdateCustomer(db, ctx, actor, target, { input: p.input, provided: p.provided, ownerId: p.ownerId, custom: customJson }, options.at);
      rows.set(target.id, updated.row as CustomerRow);
      if (!updated.changed) {
        result.outcome = 'skipped';
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importUnchanged') }];
      }
      remember({ rowNo: p.rowNo, customerId: target.id, pending: false });
    }
    await flush();
    return results;
  }
}

import { contactCreate } from '@crm/contracts';
import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { bulkCreateContacts, importUpdateContact, liveContactsOf, type ContactInput, type ContactRow } from '../contacts/index.js';
import { mergeCustomValues } from '../custom-fields/index.js';
import { customerScope, customersByReference } from '../customers/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { matchWords } from './duplicate-modes.js';
import { checkCustom, checkSchema, type ImportPlan, type RowProcessor, type RowResult, type SourceRow } from './plan.js';

type Db = AppContext['db'];

export interface PreparedContact {
  rowNo: number;
  messages: RowMessage[];
  /** customerId is filled in by `decide`. */
  input: Omit<ContactInput, 'customerId'> | null;
  provided: Set<string>;
  customerRef: string;
  custom: Record<string, unknown>;
  keys: string[];
}

/** A contact's duplicate keys: its phones and email, or its name when it has neither. */
function contactKeys(input: { name: string; mobile?: string | null; phone?: string | null; email?: string | null }): string[] {
  const keys = dedupeKeys({ phones: [input.mobile, input.phone], emails: [input.email] });
  return keys.length > 0 ? keys : [`k:${input.name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')}`];
}

function matchWordsOf(plan: ImportPlan, keys: string[]): string {
  return keys.some((k) => k.startsWith('k:')) ? t(plan.locale, 'importMatchName') : matchWords(plan, keys);
}

/**
 * Contacts of existing organisation customers (named by archive number or exact name, within the
 * importer's scope). A row is a duplicate of a live contact of the same customer with the same
 * phone or email (or, without either, the same name).
 */
export class ContactImport implements RowProcessor<PreparedContact> {
  constructor(private readonly plan: ImportPlan) {}

  async prepare(rows: SourceRow[], _options: { at: string }): Promise<PreparedContact[]> {
    const { plan } = this;
    return rows.map((row) => {
      const converted = convertRow(row.cells, plan.columns, plan.locale);
      const messages = [...converted.messages];
      if (!converted.customerRef) messages.push({ field: 'customer', message: t(plan.locale, 'importRequired') });
      if (!converted.values.name) messages.push({ field: 'name', message: t(plan.locale, 'importRequired') });
      const checked = messages.length === 0 ? checkSchema(contactCreate, { ...converted.values, customerId: 1 }, plan.locale) : { value: null, messages: [] };
      messages.push(...checked.messages);
      const custom = checkCustom(plan, converted.custom, false);
      messages.push(...custom.messages);
      const input = messages.length === 0 && checked.value ? checked.value : null;
      return {
        rowNo: row.rowNo,
        messages,
        input,
        provided: converted.provided,
        customerRef: converted.customerRef ?? '',
        custom: custom.values,
        keys: input ? contactKeys(input) : [],
      };
    });
  }

  async decide(db: Db, prepared: PreparedContact[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor, mode } = plan;
    const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));

    const refs = [...new Set(prepared.filter((p) => p.input).map((p) => p.customerRef))];
    const found = refs.length > 0 ? await customersByReference(db, refs, customerScope(actor)) : [];
    const customerOf = new Map<string, { id: number; kind: string } | 'ambiguous'>();
    for (const ref of refs) {
      const byNo = found.find((c) => c.archive_no.toUpperCase() === ref.toUpperCase());
      const byName = found.filter((c) => c.name === ref);
      if (byNo) customerOf.set(ref, byNo);
      else if (byName.length > 1) customerOf.set(ref, 'ambiguous');
      else if (byName[0]) customerOf.set(ref, byName[0]);
    }
    const customerIds = [...new Set([...customerOf.values()].flatMap((c) => (c === 'ambiguous' ? [] : [c.id])))];
    const existing = new Map<string, ContactRow>();
    const rowsById = new Map<number, ContactRow>();
    for (const c of await liveContactsOf(db, customerIds)) {
      rowsById.set(c.id, c);
      for (const key of contactKeys(c)) if (!existing.has(`${c.customer_id}|${key}`)) existing.set(`${c.customer_id}|${key}`, c);
    }

    const earlier = new Map<string, { rowNo: number; contactId: number | null; pending: boolean }>();
    const pending: Array<{ index: number; item: { input: ContactInput; custom?: string }; entry: { contactId: number | null; pending: boolean } }> = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending.splice(0);
      const ids = options.dry ? batch.map(() => null) : await bulkCreateContacts(db, ctx, batch.map((p) => p.item), { actorId: actor.userId, at: options.at, action: 'import' });
      const fresh = options.dry ? [] : await liveContactsOf(db, [...new Set(batch.map((p) => p.item.input.customerId))]);
      for (const c of fresh) rowsById.set(c.id, c);
      batch.forEach((p, i) => {
        const id = ids[i] ?? null;
        const result = results[p.index];
        if (result) result.entityId = id;
        p.entry.contactId = id;
        p.entry.pending = false;
      });
    };

    for (const [index, p] of prepared.entries()) {
      const result = results[index];
      if (!p.input || !result) continue;
      const customer = customerOf.get(p.customerRef);
      if (customer === undefined || customer === 'ambiguous') {
        result.messages = [{ field: 'customer', message: t(plan.locale, customer === 'ambiguous' ? 'importCustomerAmbiguous' : 'importCustomerUnknown') }];
        continue;
      }
      if (customer.kind !== 'organization') {
        result.messages = [{ field: 'customer', message: t(plan.locale, 'contactNeedsOrganization') }];
        continue;
      }
      const input: ContactInput = { ...p.input, customerId: customer.id };
      const scoped = p.keys.map((k) => `${customer.id}|${k}`);
      const earlierHit = scoped.map((k) => earlier.get(k)).find((e) => e !== undefined);
      const existingKey = scoped.find((k) => existing.has(k));
      const match = existingKey ? existing.get(existingKey) : undefined;
      const remember = (entry: { rowNo: number; contactId: number | null; pending: boolean }) => {
        for (const key of scoped) if (!earlier.has(key)) earlier.set(key, entry);
      };

      if ((!earlierHit && !match) || mode === 'create') {
        const missing = plan.custom.fields.filter((f) => f.required && !(f.key in p.custom));
        if (missing.length > 0) {
          result.messages = missing.map((f) => ({ field: `custom.${f.key}`, message: t(plan.locale, 'customFieldRequired') }));
          continue;
        }
        const entry = { rowNo: p.rowNo, contactId: null, pending: true };
        const custom = Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues({}, p.custom)) : undefined;
        pending.push({ index, item: { input, custom }, entry });
        result.outcome = 'created';
        remember(entry);
        continue;
      }
      const same = matchWordsOf(plan, p.keys);
      if (mode === 'skip') {
        result.outcome = 'skipped';
        result.entityId = earlierHit ? earlierHit.contactId : (match?.id ?? null);
        result.messages = [
          earlierHit
            ? { field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: earlierHit.rowNo, match: same }) }
            : { field: 'duplicate', message: t(plan.locale, 'importContactDuplicate', { match: same }) },
        ];
        continue;
      }
      if (!can(actor, 'contacts.edit')) {
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importContactDuplicate', { match: same }) }];
        continue;
      }
      if (earlierHit?.pending) await flush();
      const targetId = earlierHit ? earlierHit.contactId : (match?.id ?? null);
      result.outcome = 'updated';
      result.entityId = targetId;
      const target = targetId !== null ? rowsById.get(targetId) : undefined;
      if (options.dry || !target) continue;
      const custom = Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues(JSON.parse(target.custom) as Record<string, unknown>, p.custom)) : undefined;
      const updated = await importUpdateContact(db, ctx, actor, target, input, p.provided, options.at, { custom });
      rowsById.set(target.id, updated.row);
      if (!updated.changed) {
        result.outcome = 'skipped';
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importUnchanged') }];
      }
      remember({ rowNo: p.rowNo, contactId: target.id, pending: false });
    }
    await flush();
    return results;
  }
}

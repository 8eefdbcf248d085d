import { contactCreate, type DuplicateMode, type Locale } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { bulkCreateContacts, importUpdateContact, liveContactsOf, type ContactInput, type ContactRow } from '../contacts/index.js';
import type { RowMessage } from './convert.js';
import { checkSchema, type RowResult } from './plan.js';

type Db = AppContext['db'];

/** The primary contact a customer row carries (联系人 / 联系人手机 / 职务 beside the company). */
export interface RowContact {
  input: Omit<ContactInput, 'customerId'>;
  provided: Set<string>;
  keys: string[];
}

const hanOnly = /^[\p{Script=Han}·]+$/u;

/**
 * One name from First Name + Last Name columns: 李 + 小红 -> 李小红 (Chinese names, family name
 * first, no space); Ada + Lovelace -> "Ada Lovelace".
 */
export function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f || !l) return f || l || undefined;
  return hanOnly.test(f) && hanOnly.test(l) ? `${l}${f}` : `${f} ${l}`;
}

/**
 * Take the `contact.*` values out of a converted customer row and check them as a contact.
 * Returns null when the row has no contact columns filled in; messages are under `contact.<field>`.
 */
export function rowContact(values: Record<string, unknown>, locale: Locale): { contact: RowContact | null; messages: RowMessage[] } {
  const raw = values.contact as Record<string, string> | undefined;
  delete values.contact;
  if (!raw) return { contact: null, messages: [] };
  const { firstName, lastName, ...rest } = raw;
  const name = rest.name ?? joinName(firstName, lastName);
  const fields: Record<string, unknown> = { ...rest, ...(name ? { name } : {}) };
  if (!name) return { contact: null, messages: [{ field: 'contact.name', message: t(locale, 'importContactNameRequired') }] };
  const checked = checkSchema(contactCreate, { ...fields, customerId: 1 }, locale);
  if (!checked.value) return { contact: null, messages: checked.messages.map((m) => ({ field: `contact.${m.field}`, message: m.message })) };
  const { customerId: _customerId, ...input } = checked.value;
  return {
    contact: { input, provided: new Set(Object.keys(fields)), keys: dedupeKeys({ phones: [input.mobile, input.phone], emails: [input.email] }) },
    messages: [],
  };
}

/**
 * Write the contacts of the rows that created or updated an organisation customer (skipped rows
 * of the skip mode are left alone): a contact of that customer with the same mobile, phone or email is updated, else a new one is added (the
 * customer's primary contact when it has none yet). Messages go onto the rows' results.
 */
export async function writeRowContacts(
  db: Db,
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
  items: Array<{ result: RowResult; contact: RowContact; isOrganization: boolean }>,
  options: { at: string; mode: DuplicateMode; later?: Set<number> },
): Promise<void> {
  const { at, later } = options;
  // In update mode a customer found unchanged (skipped) may still get a new contact; in skip mode it is left alone.
  const todo = items.filter((i) => i.result.entityId !== null && (i.result.outcome === 'created' || i.result.outcome === 'updated' || (i.result.outcome === 'skipped' && options.mode === 'update')));
  if (todo.length === 0) return;
  const existing = await liveContactsOf(db, [...new Set(todo.map((i) => i.result.entityId as number))]);
  const byCustomer = new Map<number, ContactRow[]>();
  for (const c of existing) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c]);
  const creations: Array<{ input: ContactInput }> = [];
  for (const { result, contact, isOrganization } of todo) {
    const customerId = result.entityId as number;
    if (!isOrganization) {
      result.messages.push({ field: 'contact.name', message: t(locale, 'importContactPerson') });
      continue;
    }
    const theirs = byCustomer.get(customerId) ?? [];
    const keys = new Set(contact.keys);
    const match = keys.size > 0 ? theirs.find((c) => dedupeKeys({ phones: [c.mobile, c.phone], emails: [c.email] }).some((k) => keys.has(k))) : undefined;
    if (match) {
      if (!can(actor, 'contacts.edit')) continue;
      const updated = await importUpdateContact(db, ctx, actor, match, contact.input, contact.provided, at, { later });
      theirs[theirs.indexOf(match)] = updated.row;
      if (updated.changed && result.outcome === 'skipped') {
        result.outcome = 'updated';
        result.messages = [];
      }
      continue;
    }
    // Without a phone or email to tell them apart, a contact of the same name is the same person.
    if (theirs.some((c) => c.name === contact.input.name)) continue;
    if (!can(actor, 'contacts.create')) {
      result.messages.push({ field: 'contact.name', message: t(locale, 'importContactNoRight') });
      continue;
    }
    const input: ContactInput = { ...contact.input, customerId, isPrimary: contact.input.isPrimary ?? theirs.length === 0 };
    creations.push({ input });
    // A later row of the same customer sees this contact (ids are not needed for matching).
    theirs.push({ id: -creations.length, customer_id: customerId, name: input.name, mobile: input.mobile ?? null, phone: input.phone ?? null, email: input.email ?? null } as ContactRow);
    byCustomer.set(customerId, theirs);
    if (result.outcome === 'skipped') {
      result.outcome = 'updated';
      result.messages = [];
    }
  }
  if (creations.length > 0) await bulkCreateContacts(db, ctx, creations, { actorId: actor.userId, at, action: 'import' }, later);
}

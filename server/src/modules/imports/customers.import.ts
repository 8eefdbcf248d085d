import { customerCreate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { can } from '../../platform/auth/actor.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { mergeCustomValues } from '../custom-fields/index.js';
import {
  customerScope,
  customersByIds,
  customersWithKeys,
  draftCustomers,
  keysOfCustomers,
  refreshCustomers,
  importUpdateCustomers,
  insertCustomerDrafts,
  type CustomerDraft,
  type CustomerInput,
  type CustomerRow,
} from '../customers/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { decideDuplicates } from './duplicate-modes.js';
import { landlineInMobile } from './phone-columns.js';
import { rowContact, writeRowContacts, type RowContact } from './primary-contact.js';
import { OwnerResolver } from './owners.js';
import { checkCustom, checkSchema, type ImportPlan, type RowProcessor, type RowResult, type SourceRow } from './plan.js';

type Db = AppContext['db'];

export interface PreparedCustomer {
  rowNo: number;
  messages: RowMessage[];
  /** What was left out of the row (it is imported all the same). */
  warnings: RowMessage[];
  input: CustomerInput | null;
  provided: Set<string>;
  /** undefined: the row names no owner (new customers go to the importer). */
  ownerId: number | null | undefined;
  custom: Record<string, unknown>;
  keys: string[];
  /**
   * The record to insert if the row creates one: drafted before the transaction, except in update
   * mode, where most rows update a match and a draft is made only for a row that creates.
   */
  draft: CustomerDraft | null;
  /** The customer's contact from the same row (联系人 columns), if any. */
  contact: RowContact | null;
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
      const warnings = [...converted.warnings];
      const values: Record<string, unknown> = { kind: 'organization', ...converted.values };
      warnings.push(...landlineInMobile(values, plan.locale, 'mobile', converted.provided));
      if (values.contact && typeof values.contact === 'object') warnings.push(...landlineInMobile(values.contact as Record<string, unknown>, plan.locale, 'contact.mobile'));
      const contact = rowContact(values, plan.locale);
      messages.push(...contact.messages);
      converted.provided.delete('contact');
      // The archive number (a file exported from here) identifies the record; it is never written.
      const archiveNo = typeof values.archiveNo === 'string' ? values.archiveNo.normalize('NFKC').trim().toUpperCase() : null;
      delete values.archiveNo;
      converted.provided.delete('archiveNo');
      if (!values.name) messages.push({ field: 'name', message: t(plan.locale, 'importRequired') });
      const checked = messages.length === 0 ? checkSchema(customerCreate, values, plan.locale) : { value: null, messages: [] };
      messages.push(...checked.messages);
      const custom = checkCustom(plan, converted.custom, false);
      messages.push(...custom.messages);
      let ownerId: number | null | undefined;
      if (converted.owner !== null) {
        const owner = await this.owners.resolve(converted.owner);
        if (owner.ok) {
          ownerId = owner.id;
          if (owner.warning) warnings.push({ field: 'owner', message: owner.warning, warning: true });
        } else messages.push({ field: 'owner', message: owner.message });
      }
      const input = messages.length === 0 ? checked.value : null;
      out.push({
        rowNo: row.rowNo,
        messages,
        warnings,
        input,
        provided: converted.provided,
        ownerId,
        custom: custom.values,
        keys: input
          ? [...(archiveNo ? [`a:${archiveNo}`] : []), ...dedupeKeys({
              name: input.name,
              isOrganization: input.kind === 'organization',
              creditCode: input.kind === 'organization' ? input.organization?.creditCode : null,
              idCard: input.kind === 'person' ? input.person?.idCardNumber : null,
              phones: [input.phone, input.mobile],
              emails: [input.email],
            })]
          : [],
        draft: null,
        contact: contact.contact,
      });
    }
    if (plan.mode !== 'update') await this.draft(plan.ctx.db, out, options.at);
    return out;
  }

  /** Draft the records of rows that have none yet. */
  private async draft(db: Db, prepared: PreparedCustomer[], at: string): Promise<void> {
    const { plan } = this;
    const creatable = prepared.filter((p): p is PreparedCustomer & { input: CustomerInput } => p.input !== null && p.draft === null);
    if (creatable.length === 0) return;
    const drafts = await draftCustomers(
      db,
      creatable.map((p) => ({
        input: p.input,
        ownerId: p.ownerId === undefined ? plan.actor.userId : p.ownerId,
        custom: Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues({}, p.custom)) : undefined,
      })),
      { actorId: plan.actor.userId, at },
    );
    creatable.forEach((p, i) => (p.draft = drafts[i] ?? null));
  }

  /** Apply the rows to their matched customers, all in a few statements. */
  private async updateMany(db: Db, items: Array<{ target: CustomerRow; p: PreparedCustomer }>, at: string, later: Set<number>): Promise<Array<{ row: CustomerRow; changed: boolean }>> {
    const { ctx, actor } = this.plan;
    const valid = items.flatMap(({ target, p }, index) => (p.input ? [{ index, target, input: p.input, p }] : []));
    const changes = valid.map(({ target, input, p }) => {
      const custom = Object.keys(p.custom).length > 0 ? JSON.stringify(mergeCustomValues(JSON.parse(target.custom) as Record<string, unknown>, p.custom)) : undefined;
      return { row: target, change: { input, provided: p.provided, ownerId: p.ownerId, custom } };
    });
    const done = await importUpdateCustomers(db, ctx, actor, changes, at, later);
    const out = items.map(({ target }) => ({ row: target, changed: false }));
    valid.forEach((v, i) => {
      const d = done[i];
      if (d) out[v.index] = { row: d.row as CustomerRow, changed: d.changed };
    });
    return out;
  }

  async decide(db: Db, prepared: PreparedCustomer[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor } = plan;
    // Customers updated or given a contact: their search words and keys are refreshed once, at the end.
    const later = new Set<number>();
    const results = await decideDuplicates<PreparedCustomer, CustomerRow, PreparedCustomer>(db, plan, prepared, options, {
      withKeys: customersWithKeys,
      keysOf: keysOfCustomers,
      label: (row) => t(plan.locale, 'importCustomerLabel', { customer: row.name, archiveNo: row.archive_no }),
      byIds: (trx, ids) => customersByIds(trx, ids, customerScope(actor)),
      creation: (p) => {
        const missing = plan.custom.fields.filter((f) => f.required && !(f.key in p.custom));
        if (missing.length > 0) return { messages: missing.map((f) => ({ field: `custom.${f.key}`, message: t(plan.locale, 'customFieldRequired') })) };
        return p.input ? { create: p } : null;
      },
      insert: async (trx, rows) => {
        await this.draft(trx, rows, options.at);
        const drafts = rows.map((p) => {
          if (!p.draft) throw new Error(`row ${p.rowNo} has no draft`);
          return p.draft;
        });
        return insertCustomerDrafts(trx, ctx, drafts, { actorId: actor.userId, at: options.at, action: 'import' });
      },
      update: async (trx, target, p) => (await this.updateMany(trx, [{ target, p }], options.at, later))[0] ?? { row: target, changed: false },
      updateMany: (trx, items) => this.updateMany(trx, items, options.at, later),
      editPermission: 'customers.edit',
      mayEdit: (row) => row.owner_id !== null || can(actor, 'customers.assign'),
      describeVisible: (row, match) => t(plan.locale, 'importDuplicateOf', { customer: row.name, archiveNo: row.archive_no, match }),
      describeHidden: (owner, match) => t(plan.locale, 'importDuplicateHidden', { owner: owner ?? t(plan.locale, 'importPool'), match }),
      noEdit: (target) =>
        t(plan.locale, target && target.owner_id === null && can(actor, 'customers.edit') ? 'importPoolClaimFirst' : 'importDuplicateNoEdit', { customer: target?.name ?? '', archiveNo: target?.archive_no ?? '' }),
    });
    if (!options.dry) {
      const withContact = prepared.flatMap((p, i) => {
        const result = results[i];
        return p.contact && p.input && result ? [{ result, contact: p.contact, isOrganization: p.input.kind === 'organization' }] : [];
      });
      await writeRowContacts(db, ctx, actor, plan.locale, withContact, { at: options.at, mode: plan.mode, later });
      await refreshCustomers(db, ctx, later);
    }
    return results;
  }
}

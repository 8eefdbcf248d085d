import { leadCreate, type LeadSource } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { can } from '../../platform/auth/actor.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { checkLeadInput, importUpdateLead, insertLeads, leadKeysOf, leadsByIds, leadsWithKeys, readLeadSources, type ImportedLeadRow, type LeadInput } from '../leads/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { decideDuplicates } from './duplicate-modes.js';
import { headerKey } from './fields.js';
import { OwnerResolver } from './owners.js';
import { landlineInMobile } from './phone-columns.js';
import { checkSchema, type ImportPlan, type RowProcessor, type RowResult, type SourceRow } from './plan.js';

type Db = AppContext['db'];

export interface PreparedLead {
  rowNo: number;
  messages: RowMessage[];
  /** What was left out of the row (it is imported all the same). */
  warnings: RowMessage[];
  input: LeadInput | null;
  provided: Set<string>;
  /** undefined: the row names no owner, so the assignment rules pick one (or the lead pool). */
  ownerId: number | null | undefined;
  /** Phone and email keys: what makes two leads the same person. */
  keys: string[];
}

/** A row without a source column (or with it empty) is a lead of this source. */
const defaultSource = 'other';

/**
 * Leads: each row is read as a lead card (the source written as its key or its label in either
 * language), checked like a lead typed in by hand, matched against existing leads and earlier
 * rows by phone and email, then created (through insertLeads: rows without an owner go through
 * the assignment rules), used to update the match, skipped or rejected by the duplicate mode.
 */
export class LeadImport implements RowProcessor<PreparedLead> {
  private readonly owners: OwnerResolver;
  private sources: Promise<LeadSource[]> | null = null;
  private readonly sourceIssues = new Map<string, Promise<RowMessage[]>>();

  constructor(private readonly plan: ImportPlan) {
    this.owners = new OwnerResolver(plan.ctx, plan.actor, plan.locale, 'leads.assign');
  }

  /** The source a cell names (key or label, loosely compared), or null. */
  private async sourceOf(text: string): Promise<string | null> {
    this.sources ??= readLeadSources(this.plan.ctx.db).then((s) => s.items);
    const wanted = headerKey(text);
    const match = (await this.sources).find((s) => headerKey(s.key) === wanted || headerKey(s.labelZh) === wanted || headerKey(s.labelEn) === wanted);
    return match?.key ?? null;
  }

  private async sourceOptions(): Promise<string> {
    this.sources ??= readLeadSources(this.plan.ctx.db).then((s) => s.items);
    const { locale } = this.plan;
    return (await this.sources)
      .filter((s) => s.active)
      .map((s) => (locale === 'en' ? s.labelEn : s.labelZh))
      .join(locale === 'en' ? ', ' : '、');
  }

  /** What the leads module says of a source (retired, unknown), once per source of the file. */
  private checkSource(source: string): Promise<RowMessage[]> {
    let answer = this.sourceIssues.get(source);
    if (!answer) {
      const { ctx, locale } = this.plan;
      answer = checkLeadInput(ctx, ctx.db, { source }).then((issues) => issues.map((i) => ({ field: i.path, message: t(locale, i.key) })));
      this.sourceIssues.set(source, answer);
    }
    return answer;
  }

  async prepare(rows: SourceRow[], _options: { at: string }): Promise<PreparedLead[]> {
    const { plan } = this;
    const out: PreparedLead[] = [];
    for (const row of rows) {
      const converted = convertRow(row.cells, plan.columns, plan.locale);
      const messages = [...converted.messages];
      const warnings = [...converted.warnings];
      const values: Record<string, unknown> = { ...converted.values };
      warnings.push(...landlineInMobile(values, plan.locale, 'mobile', converted.provided));
      if (!values.name) messages.push({ field: 'name', message: t(plan.locale, 'importRequired') });
      if (typeof values.source === 'string') {
        const key = await this.sourceOf(values.source);
        if (key === null) messages.push({ field: 'source', message: t(plan.locale, 'importBadOption', { options: await this.sourceOptions() }) });
        else values.source = key;
      } else {
        values.source = defaultSource;
      }
      // A company makes it an organisation's lead unless the row says otherwise.
      values.kind ??= values.company ? 'organization' : 'person';
      const checked = messages.length === 0 ? checkSchema(leadCreate, values, plan.locale) : { value: null, messages: [] };
      messages.push(...checked.messages);
      if (checked.value) messages.push(...(await this.checkSource(checked.value.source)));
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
        input: input ? { ...input, ...(ownerId !== undefined ? { ownerId } : {}) } : null,
        provided: converted.provided,
        ownerId,
        keys: input ? dedupeKeys({ phones: [input.mobile, input.phone], emails: [input.email] }) : [],
      });
    }
    return out;
  }

  decide(db: Db, prepared: PreparedLead[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor } = plan;
    return decideDuplicates<PreparedLead, ImportedLeadRow, LeadInput>(db, plan, prepared, options, {
      withKeys: leadsWithKeys,
      keysOf: leadKeysOf,
      label: (row) => t(plan.locale, 'importLeadLabel', { lead: row.name }),
      byIds: (trx, ids) => leadsByIds(trx, ids, actor),
      creation: (p) => (p.input ? { create: p.input } : null),
      insert: (trx, inputs) => insertLeads(ctx, trx, inputs, { actorId: actor.userId, action: 'import', now: new Date(options.at) }),
      update: (trx, target, p) =>
        p.input ? importUpdateLead(trx, actor, target, { input: p.input, provided: p.provided, ownerId: p.ownerId }, options.at) : Promise.resolve({ row: target, changed: false }),
      editPermission: 'leads.edit',
      mayEdit: (row) => row.owner_id !== null || can(actor, 'leads.assign'),
      describeVisible: (row, match) => t(plan.locale, 'importLeadDuplicateOf', { lead: row.name, match }),
      describeHidden: (owner, match) => t(plan.locale, 'importLeadDuplicateHidden', { owner: owner ?? t(plan.locale, 'importLeadPool'), match }),
      noEdit: (target) => t(plan.locale, target && target.owner_id === null && can(actor, 'leads.edit') ? 'importLeadPoolClaimFirst' : 'importLeadDuplicateNoEdit', { lead: target?.name ?? '' }),
    });
  }
}

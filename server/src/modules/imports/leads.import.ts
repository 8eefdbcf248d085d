import { leadCreate, type LeadSource } from '@crm/contracts';
import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { checkLeadInput, importUpdateLead, insertLeads, leadsByIds, leadsWithKeys, readLeadSources, type ImportedLeadRow, type LeadInput } from '../leads/index.js';
import { userNames } from '../users/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { matchWords } from './customers.import.js';
import { headerKey } from './fields.js';
import { OwnerResolver } from './owners.js';
import { checkSchema, type ImportPlan, type RowProcessor, type RowResult, type SourceRow } from './plan.js';
import * as repo from './imports.repository.js';

type Db = AppContext['db'];

export interface PreparedLead {
  rowNo: number;
  messages: RowMessage[];
  input: LeadInput | null;
  provided: Set<string>;
  /** undefined: the row names no owner, so the assignment rules pick one (or the lead pool). */
  ownerId: number | null | undefined;
  /** Phone and email keys: what makes two leads the same person. */
  keys: string[];
}

/** Where an earlier row of this batch went, so a later row with the same keys is its duplicate. */
interface Earlier {
  rowNo: number;
  /** Null until a pending creation is written. */
  leadId: number | null;
  pending: boolean;
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
      const values: Record<string, unknown> = { ...converted.values };
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
        if (owner.ok) ownerId = owner.id;
        else messages.push({ field: 'owner', message: owner.message });
      }
      const input = messages.length === 0 ? checked.value : null;
      out.push({
        rowNo: row.rowNo,
        messages,
        input: input ? { ...input, ...(ownerId !== undefined ? { ownerId } : {}) } : null,
        provided: converted.provided,
        ownerId,
        keys: input ? dedupeKeys({ phones: [input.mobile, input.phone], emails: [input.email] }) : [],
      });
    }
    return out;
  }

  async decide(db: Db, prepared: PreparedLead[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor, mode } = plan;
    const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));

    // Existing leads holding any key of the batch, which of them the importer may see, and which
    // were created by earlier batches of this very import.
    const allKeys = [...new Set(prepared.flatMap((p) => p.keys))];
    const existing = await leadsWithKeys(db, allKeys);
    const byKey = new Map<string, number[]>();
    for (const [id, keys] of existing) for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
    const { rows, visible } = await leadsByIds(db, [...existing.keys()], actor);
    const hiddenOwners = [...rows.values()].filter((r) => !visible.has(r.id)).flatMap((r) => (r.owner_id === null ? [] : [r.owner_id]));
    const ownerNames = hiddenOwners.length > 0 ? await userNames(ctx, hiddenOwners, db) : new Map<number, string>();
    const fromThisFile = plan.jobId !== null && existing.size > 0 ? await repo.rowsThatCreated(db, plan.jobId, [...existing.keys()]) : new Map<number, number>();

    const earlier = new Map<string, Earlier>();
    const pending: Array<{ index: number; input: LeadInput; earlier: Earlier }> = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending.splice(0);
      const created = options.dry ? batch.map(() => null) : await insertLeads(ctx, db, batch.map((p) => p.input), { actorId: actor.userId, action: 'import', now: new Date(options.at) });
      batch.forEach((p, i) => {
        const id = created[i]?.id ?? null;
        const result = results[p.index];
        if (result) result.entityId = id;
        p.earlier.leadId = id;
        p.earlier.pending = false;
      });
      // Only an update of a lead created earlier in the batch needs its row.
      if (!options.dry && mode === 'update') {
        const fresh = await leadsByIds(db, batch.map((p) => p.earlier.leadId).filter((id): id is number => id !== null), actor);
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
      if (row && visible.has(id)) return { field: 'duplicate', message: t(plan.locale, 'importLeadDuplicateOf', { lead: row.name, match }) };
      const owner = row?.owner_id != null ? (ownerNames.get(row.owner_id) ?? t(plan.locale, 'importNobody')) : t(plan.locale, 'importLeadPool');
      return { field: 'duplicate', message: t(plan.locale, 'importLeadDuplicateHidden', { owner, match }) };
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
        const entry: Earlier = { rowNo: p.rowNo, leadId: null, pending: true };
        pending.push({ index, input: p.input, earlier: entry });
        result.outcome = 'created';
        remember(entry);
        continue;
      }

      if (mode === 'skip') {
        result.outcome = 'skipped';
        if (earlierHit?.hit) {
          result.entityId = earlierHit.hit.leadId;
          result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importDuplicateRow', { row: earlierHit.hit.rowNo, match: matchWords(plan, [earlierHit.key]) }) }];
        } else if (matches[0]) {
          const [id, keys] = matches[0];
          result.entityId = visible.has(id) ? id : null;
          result.messages = [describe(id, keys)];
        }
        continue;
      }

      // Update the match: an earlier row of the batch, else the best visible existing lead.
      let targetId: number | null = null;
      if (earlierHit?.hit) {
        if (earlierHit.hit.pending) await flush();
        targetId = earlierHit.hit.leadId;
      } else {
        const seen = matches.find(([id]) => visible.has(id));
        if (!seen && matches[0]) {
          result.messages = [describe(matches[0][0], matches[0][1])];
          continue;
        }
        targetId = seen?.[0] ?? null;
      }
      const target: ImportedLeadRow | undefined = targetId !== null ? rows.get(targetId) : undefined;
      if (!can(actor, 'leads.edit')) {
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importLeadDuplicateNoEdit', { lead: target?.name ?? '' }) }];
        continue;
      }
      result.outcome = 'updated';
      result.entityId = targetId;
      if (options.dry || !target) continue;
      const updated = await importUpdateLead(db, actor, target, { input: p.input, provided: p.provided, ownerId: p.ownerId }, options.at);
      rows.set(target.id, updated.row);
      if (!updated.changed) {
        result.outcome = 'skipped';
        result.messages = [{ field: 'duplicate', message: t(plan.locale, 'importUnchanged') }];
      }
      remember({ rowNo: p.rowNo, leadId: target.id, pending: false });
    }
    await flush();
    return results;
  }
}

import { importPermissions, type CustomFieldEntity, type DuplicateMode, type ImportEntity, type ImportOutcome, type Locale, type Permission } from '@crm/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { foldLineBreaks } from '../../platform/text-input.js';
import { parse } from '../../platform/validation.js';
import { loadCustomFields, parseCustomValues, type CustomFieldSet } from '../custom-fields/index.js';
import { readIndustries, readLeadSources } from '../lists/index.js';
import type { MappedColumn, RowMessage } from './convert.js';
import { fieldsOf, type FieldDef } from './fields.js';

/** Everything a batch needs to know about its import: who runs it, how, and which columns feed which fields. */
export interface ImportPlan {
  ctx: AppContext;
  entity: ImportEntity;
  /** Null in a preview. */
  jobId: number | null;
  actor: Actor;
  locale: Locale;
  mode: DuplicateMode;
  columns: MappedColumn[];
  custom: CustomFieldSet;
}

export interface SourceRow {
  rowNo: number;
  cells: string[];
}

export interface RowResult {
  rowNo: number;
  outcome: ImportOutcome;
  entityId: number | null;
  messages: RowMessage[];
}

/** Turns rows into results: `prepare` reads and checks them (no transaction), `decide` matches and writes in the caller's one. */
export interface RowProcessor<P> {
  prepare(rows: SourceRow[], options: { at: string }): Promise<P[]>;
  decide(db: AppContext['db'], prepared: P[], options: { dry: boolean; at: string }): Promise<RowResult[]>;
}

/** The right an import of this entity needs (purchases: customers.import, as they are part of the customer's archive). */
export function importPermission(entity: ImportEntity): Permission {
  return importPermissions[entity];
}

/** Whose custom fields an import fills; leads and purchases have none. */
export function customEntity(entity: ImportEntity): CustomFieldEntity | null {
  if (entity === 'customers') return 'customer';
  return entity === 'contacts' ? 'contact' : null;
}

/** The fields of an entity with its active custom fields (`custom.<key>`) after the built-in ones. */
export async function fieldsWithCustom(db: AppContext['db'], entity: ImportEntity): Promise<{ fields: FieldDef[]; custom: CustomFieldSet }> {
  const owner = customEntity(entity);
  // An entity without custom fields gets an empty set (its entity name is never read then).
  const custom: CustomFieldSet = owner ? await loadCustomFields(db, owner) : { entity: 'customer', fields: [], users: { ids: new Set(), byLogin: new Map() } };
  const extra: FieldDef[] = custom.fields.map((f) => ({
    key: `custom.${f.key}`,
    kind: 'text',
    labels: { 'zh-CN': f.labelZh, en: f.labelEn },
    aliases: [f.key],
    required: f.required,
  }));
  return { fields: [...(await withListOptions(db, entity, fieldsOf(entity))), ...extra], custom };
}

/**
 * Customers' industry and source with the options of the administrator's lists (industries, the
 * lead sources), loaded when a plan is built: a cell is matched by key or label, the value-mapping
 * step offers them, and exports write labels.
 */
async function withListOptions(db: AppContext['db'], entity: ImportEntity, fields: FieldDef[]): Promise<FieldDef[]> {
  if (entity !== 'customers') return fields;
  const [industries, sources] = await Promise.all([readIndustries(db), readLeadSources(db)]);
  const optionsOf = (items: Array<{ key: string; labelZh: string; labelEn: string }>) => items.map((i) => ({ value: i.key, labels: { 'zh-CN': i.labelZh, en: i.labelEn } }));
  return fields.map((f) => {
    if (f.key === 'industry') return { ...f, options: optionsOf(industries.items) };
    if (f.key === 'source') return { ...f, options: optionsOf(sources.items) };
    return f;
  });
}

/**
 * Field-level messages of a failed schema parse, or the parsed value. A cell's line breaks become
 * spaces in one-line fields (a spreadsheet cell typed with Alt+Enter), and stay in notes.
 */
export function checkSchema<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): { value: z.output<S> | null; messages: RowMessage[] } {
  try {
    return { value: parse(schema, foldLineBreaks(schema, input), locale), messages: [] };
  } catch (error) {
    if (error instanceof AppError && error.details) {
      return { value: null, messages: error.details.map((d) => ({ field: d.path, message: t(locale, d.message) })) };
    }
    throw error;
  }
}

/** Custom cells checked as typed text; `required` also reports required fields the row leaves empty. */
export function checkCustom(plan: ImportPlan, cells: Record<string, string>, required: boolean): { values: Record<string, unknown>; messages: RowMessage[] } {
  const { values, details } = parseCustomValues(plan.custom, cells, { partial: !required, text: true });
  return { values, messages: details.map((d) => ({ field: d.path, message: t(plan.locale, d.message) })) };
}

export function countOutcomes(results: RowResult[]): { created: number; updated: number; skipped: number; rejected: number } {
  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

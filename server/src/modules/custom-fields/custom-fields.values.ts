import { customFilterParams, customTextMax, parseYuan, rangeFieldTypes, type CustomFieldEntity, type CustomFieldOption, type CustomFieldType } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { activeUserDirectory } from '../users/index.js';
import * as repo from './custom-fields.repository.js';

type Db = AppContext['db'];

/** One active custom field, as the value checks need it. */
export interface CustomFieldDef {
  id: number;
  key: string;
  type: CustomFieldType;
  labelZh: string;
  labelEn: string;
  options: CustomFieldOption[];
  required: boolean;
}

/**
 * The active fields of one entity in their order, plus what checking "user" values needs (the
 * active users, only loaded when such a field exists). Load once per request or per import.
 */
export interface CustomFieldSet {
  entity: CustomFieldEntity;
  fields: CustomFieldDef[];
  /** Active users by id, and ids by lowercase email and by exact name (for text input). */
  users: { ids: ReadonlySet<number>; byLogin: ReadonlyMap<string, number> };
}

export function toDef(row: repo.FieldRow): CustomFieldDef {
  return {
    id: row.id,
    key: row.key,
    type: row.type as CustomFieldType,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    options: JSON.parse(row.options) as CustomFieldOption[],
    required: row.required === 1,
  };
}

/** The active custom fields of customers or contacts (inside a transaction, pass its handle). */
export async function loadCustomFields(db: Db, entity: CustomFieldEntity, options: { users?: boolean } = {}): Promise<CustomFieldSet> {
  const fields = (await repo.list(db, entity, false)).map(toDef);
  const ids = new Set<number>();
  const byLogin = new Map<string, number>();
  if ((options.users ?? true) && fields.some((f) => f.type === 'user')) {
    for (const u of await activeUserDirectory(db)) {
      ids.add(u.id);
      byLogin.set(u.email.toLowerCase(), u.id);
      if (!byLogin.has(u.name)) byLogin.set(u.name, u.id);
    }
  }
  return { entity, fields, users: { ids, byLogin } };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: MessageKey };
const fail = (message: MessageKey): Parsed => ({ ok: false, message });
const ok = (value: unknown): Parsed => ({ ok: true, value });

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

const datePattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
function parseDate(v: unknown, text: boolean): Parsed {
  if (typeof v !== 'string') return fail('customFieldDate');
  const s = v.trim();
  const m = text ? datePattern.exec(s) : /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return fail('customFieldDate');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return fail('customFieldDate');
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

function parseNumber(v: unknown, text: boolean): Parsed {
  let n = v;
  if (text && typeof v === 'string') n = v.trim().replace(/[,，\s]/g, '') === '' ? NaN : Number(v.trim().replace(/[,，\s]/g, ''));
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > 1e15) return fail('customFieldNumber');
  return ok(n);
}

/** Money is integer fen; text input (imports) is in yuan with at most two decimals ("¥1,234.50"). */
function parseMoney(v: unknown, text: boolean): Parsed {
  if (text && typeof v === 'string') {
    // Yuan as people write them (¥1,200.50, 50万), to fen: the one parser imports use.
    const fen = parseYuan(v);
    return fen === null ? fail('customFieldMoneyText') : ok(fen);
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) return fail('customFieldMoney');
  return ok(v);
}

const trueWords = new Set(['true', '1', 'yes', 'y', '是', '对', '√', 'on']);
const falseWords = new Set(['false', '0', 'no', 'n', '否', '不是', '×', 'off']);
function parseBoolean(v: unknown, text: boolean): Parsed {
  if (typeof v === 'boolean') return ok(v);
  if (text && (typeof v === 'string' || typeof v === 'number')) {
    const s = String(v).trim().toLowerCase();
    if (trueWords.has(s)) return ok(true);
    if (falseWords.has(s)) return ok(false);
  }
  return fail('customFieldBoolean');
}

function optionOf(field: CustomFieldDef, v: unknown, text: boolean): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const exact = field.options.find((o) => o.value === s);
  if (exact) return exact.value;
  if (!text) return null;
  const lower = s.toLowerCase();
  return field.options.find((o) => o.labelZh === s || o.labelEn.toLowerCase() === lower || o.value.toLowerCase() === lower)?.value ?? null;
}

function parseUser(set: CustomFieldSet, v: unknown, text: boolean): Parsed {
  let id: number | undefined;
  if (typeof v === 'number') id = v;
  else if (text && typeof v === 'string') {
    const s = v.trim();
    id = /^\d+$/.test(s) ? Number(s) : (set.users.byLogin.get(s.toLowerCase()) ?? set.users.byLogin.get(s));
  }
  if (id === undefined || !set.users.ids.has(id)) return fail('customFieldUser');
  return ok(id);
}

/** One non-empty value of a field, normalised to what is stored. */
function parseValue(set: CustomFieldSet, field: CustomFieldDef, v: unknown, text: boolean): Parsed {
  switch (field.type) {
    case 'text': {
      const s = typeof v === 'string' ? v.trim() : text && typeof v === 'number' ? String(v) : null;
      if (s === null || Array.from(s).length > customTextMax) return fail('customFieldText');
      return ok(s);
    }
    case 'number':
      return parseNumber(v, text);
    case 'money':
      return parseMoney(v, text);
    case 'date':
      return parseDate(v, text);
    case 'boolean':
      return parseBoolean(v, text);
    case 'user':
      return parseUser(set, v, text);
    case 'single_select': {
      const value = optionOf(field, v, text);
      return value === null ? fail('customFieldOption') : ok(value);
    }
    case 'multi_select': {
      const items = Array.isArray(v) ? v : text && typeof v === 'string' ? v.split(/[,;，；、|\n]/).filter((s) => s.trim() !== '') : null;
      if (items === null) return fail('customFieldOptions');
      const chosen = new Set<string>();
      for (const item of items) {
        const value = optionOf(field, item, text);
        if (value === null) return fail('customFieldOptions');
        chosen.add(value);
      }
      // Stored in the options' order, each once.
      return ok(field.options.map((o) => o.value).filter((value) => chosen.has(value)));
    }
  }
}

export interface ParseOptions {
  /** An update: only the keys sent are checked; required fields cannot be emptied. A create (false) needs every required field. */
  partial: boolean;
  /** Values typed by people (import cells): numbers, yes/no, yuan amounts, option labels, user emails or names as text. */
  text?: boolean;
}

/**
 * Check custom values against the fields. `values` holds the normalised value of each key sent,
 * null for a key being emptied; `details` one entry per bad key, with path `custom.<key>` and a
 * message catalogue key (translate with `t(locale, message)`; the HTTP layer does it for errors).
 */
export function parseCustomValues(
  set: CustomFieldSet,
  input: Record<string, unknown>,
  options: ParseOptions,
): { values: Record<string, unknown>; details: ErrorDetail[] } {
  const values: Record<string, unknown> = {};
  const details: ErrorDetail[] = [];
  const byKey = new Map(set.fields.map((f) => [f.key, f]));
  for (const [key, raw] of Object.entries(input)) {
    const field = byKey.get(key);
    if (!field) {
      details.push({ path: `custom.${key}`, message: 'customFieldUnknown' });
      continue;
    }
    if (isEmpty(raw)) {
      if (field.required) details.push({ path: `custom.${key}`, message: 'customFieldRequired' });
      else values[key] = null;
      continue;
    }
    const parsed = parseValue(set, field, raw, options.text ?? false);
    if (parsed.ok) values[key] = parsed.value;
    else details.push({ path: `custom.${key}`, message: parsed.message });
  }
  if (!options.partial) {
    for (const field of set.fields) {
      if (field.required && !(field.key in input)) details.push({ path: `custom.${field.key}`, message: 'customFieldRequired' });
    }
  }
  return { values, details };
}

/** Stored values with a checked change applied (null removes a key). */
export function mergeCustomValues(stored: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

export function parseStored(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * For a create (stored null) or an update: check `input` against the entity's active fields and
 * return the JSON text to store, or undefined when an update sends no custom values. Throws a
 * field-level VALIDATION_FAILED (paths `custom.<key>`). Inside a transaction, pass its handle.
 */
export async function checkCustomValues(db: Db, entity: CustomFieldEntity, input: Record<string, unknown> | undefined, stored: string | null): Promise<string | undefined> {
  if (stored !== null && input === undefined) return undefined;
  const set = await loadCustomFields(db, entity);
  const { values, details } = parseCustomValues(set, input ?? {}, { partial: stored !== null });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  return JSON.stringify(mergeCustomValues(parseStored(stored), values));
}

/** What records show: the values of the active fields only (a deleted field's values stay stored). */
export function visibleCustomValues(stored: string, keys: ReadonlySet<string>): Record<string, unknown> {
  const all = parseStored(stored);
  return Object.fromEntries(Object.entries(all).filter(([key]) => keys.has(key)));
}

/** The keys of the active fields of an entity, for presenting records. */
export async function activeCustomKeys(db: Db, entity: CustomFieldEntity): Promise<ReadonlySet<string>> {
  const set = await loadCustomFields(db, entity, { users: false });
  return new Set(set.fields.map((f) => f.key));
}

/** A list filter on a custom value: equality, "contains" for multi_select, or one end of a range. */
export interface CustomFilter {
  key: string;
  type: CustomFieldType;
  op: 'eq' | 'contains' | 'gte' | 'lte';
  value: string | number | boolean;
}

/**
 * The `cf_<key>` / `cf_<key>_from` / `cf_<key>_to` parameters of a list query, checked against the
 * entity's active fields; unknown keys and bad values are field-level errors on the parameter.
 */
export async function customFiltersOf(db: Db, entity: CustomFieldEntity, query: Record<string, unknown>): Promise<CustomFilter[]> {
  const params = customFilterParams(query);
  if (Object.keys(params).length === 0) return [];
  const set = await loadCustomFields(db, entity);
  const byKey = new Map(set.fields.map((f) => [f.key, f]));
  const filters: CustomFilter[] = [];
  const details: ErrorDetail[] = [];
  for (const [param, raw] of Object.entries(params)) {
    const name = param.slice('cf_'.length);
    let field = byKey.get(name);
    let op: CustomFilter['op'] = 'eq';
    const range = /^(.+)_(from|to)$/.exec(name);
    if (!field && range?.[1] && byKey.has(range[1])) {
      field = byKey.get(range[1]);
      op = range[2] === 'from' ? 'gte' : 'lte';
    }
    if (!field) {
      details.push({ path: param, message: 'customFieldUnknown' });
      continue;
    }
    if (op !== 'eq' && !rangeFieldTypes.includes(field.type)) {
      details.push({ path: param, message: 'customFieldRange' });
      continue;
    }
    if (field.type === 'multi_select') op = 'contains';
    const single = field.type === 'multi_select' ? { ...field, type: 'single_select' as const } : field;
    // As in the API: money in fen; a user by id (a former user's records stay findable).
    const parsed =
      field.type === 'money' || field.type === 'user'
        ? /^-?\d{1,15}$/.test(raw.trim()) ? ok(Number(raw.trim())) : fail(field.type === 'money' ? 'customFieldMoney' : 'customFieldUser')
        : parseValue(set, single, raw, true);
    if (!parsed.ok) {
      details.push({ path: param, message: parsed.message });
      continue;
    }
    filters.push({ key: field.key, type: field.type, op, value: parsed.value as CustomFilter['value'] });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  return filters;
}

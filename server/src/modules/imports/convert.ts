import { parseYuan, textProblem, type Locale } from '@crm/contracts';
import { t } from '../../platform/i18n.js';
import { headerKey, matchOption, type FieldDef } from './fields.js';
import { canonicalCity, canonicalProvince } from './regions.js';
import { synonymOption } from './value-synonyms.js';

/** A message about one field of one row, already in the importer's language. */
export interface RowMessage {
  field: string;
  message: string;
  /** The row is imported all the same (a value left empty, an owner that names nobody...). */
  warning?: boolean;
}

/** A mapped column: where the value comes from and which field it fills. */
export interface MappedColumn {
  index: number;
  field: FieldDef;
  /** Enum columns: the value-mapping step's choices, by `headerKey` of the cell (null: leave empty). */
  values?: Map<string, string | null>;
}

export interface ConvertedRow {
  /** The record's values, nested as the create schema wants them (`person.birthday` -> person.birthday). */
  values: Record<string, unknown>;
  /** Top-level keys the row gave a value for (an update changes only these). */
  provided: Set<string>;
  /** The raw owner cell (customers) and customer reference (contacts), resolved by the caller. */
  owner: string | null;
  customerRef: string | null;
  /** Raw custom-field cells by field key, checked by the custom fields module. */
  custom: Record<string, string>;
  messages: RowMessage[];
  /** Cells left out of an imported row (an enum value nobody mapped). */
  warnings: RowMessage[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, an Excel serial day number, or a date with a time. */
export function parseDate(text: string): string | null {
  const v = text.trim();
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(v);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    // Excel's day numbers count from 1899-12-30.
    const serial = Math.floor(Number(v));
    if (serial > 0 && serial < 80000) {
      const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
  }
  return null;
}

/**
 * The text a cell holds, without what our own exports wrapped around it: ="0101" (so a spreadsheet
 * keeps the digits as text) and the apostrophe before a text that starts like a formula.
 */
export function plainCell(raw: string): string {
  const wrapped = /^="([^"]*)"$/.exec(raw);
  if (wrapped) return wrapped[1] ?? '';
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}

/** A whole number written with or without thousands separators. */
export function parseInteger(text: string): number | null {
  const v = text.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.0+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

// 有 / 无: how MAN columns (有购买能力, 有需求) are usually answered.
const yes = new Set(['是', '对', '有', 'y', 'yes', 'true', '1', '√', '✓', 'x', 'on']);
const no = new Set(['否', '不是', '无', '没有', 'n', 'no', 'false', '0', '×', 'off']);

export function parseBoolean(text: string): boolean | null {
  const v = text.trim().toLowerCase();
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  return null;
}

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，;；|、\n]+/).map((s) => s.trim()).filter(Boolean))];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    target[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  const nested = (target[head] as Record<string, unknown> | undefined) ?? {};
  nested[path.slice(dot + 1)] = value;
  target[head] = nested;
}

/** Turn one row's cells into field values; a cell that cannot be read becomes a message instead. */
export function convertRow(row: string[], columns: MappedColumn[], locale: Locale): ConvertedRow {
  const out: ConvertedRow = { values: {}, provided: new Set(), owner: null, customerRef: null, custom: {}, messages: [], warnings: [] };
  for (const { index, field, values } of columns) {
    const text = plainCell((row[index] ?? '').trim()).trim();
    if (text === '') continue;
    // A NUL or another control character refuses the row (PostgreSQL cannot store it), not the job.
    if (textProblem(text, true)) {
      out.messages.push({ field: field.key, message: t(locale, 'textBadCharacter') });
      continue;
    }
    const bad = (key: 'importBadOption' | 'importBadDate' | 'importBadNumber' | 'importBadMoney' | 'importBadBoolean', params: Record<string, string> = {}) =>
      out.messages.push({ field: field.key, message: t(locale, key, params) });
    if (field.key.startsWith('custom.')) {
      out.custom[field.key.slice('custom.'.length)] = text;
      continue;
    }
    switch (field.kind) {
      case 'owner':
        out.owner = text;
        break;
      case 'customer':
        out.customerRef = text;
        break;
      case 'text':
      case 'datetime':
        setPath(out.values, field.key, field.key === 'province' ? canonicalProvince(text) : field.key === 'city' ? canonicalCity(text) : text);
        break;
      case 'enum': {
        // The option itself, else the user's choice for this text, else the synonym table's guess.
        const chosen = values?.get(headerKey(text));
        const value = matchOption(field, text) ?? (chosen !== undefined ? chosen : synonymOption(field, text));
        if (value !== null) setPath(out.values, field.key, value);
        else if (field.required) bad('importBadOption', { options: (field.options ?? []).map((o) => o.labels[locale]).join(locale === 'en' ? ', ' : '、') });
        else {
          // Left empty: the row is imported all the same, and the report says what was left out.
          out.warnings.push({ field: field.key, message: t(locale, 'importValueLeftEmpty', { value: text }), warning: true });
          continue;
        }
        break;
      }
      case 'tags':
        setPath(out.values, field.key, splitTags(text));
        break;
      case 'date': {
        const value = parseDate(text);
        if (value === null) bad('importBadDate');
        else setPath(out.values, field.key, value);
        break;
      }
      case 'money': {
        // Yuan in the file, fen in the record.
        const value = parseYuan(text);
        if (value === null) bad('importBadMoney');
        else setPath(out.values, field.key, value);
        break;
      }
      case 'int': {
        const value = parseInteger(text);
        if (value === null) bad('importBadNumber');
        else setPath(out.values, field.key, value);
        break;
      }
      case 'bool': {
        const value = parseBoolean(text);
        if (value === null) bad('importBadBoolean');
        else setPath(out.values, field.key, value);
        break;
      }
    }
    out.provided.add(field.key.split('.')[0] ?? field.key);
  }
  return out;
}

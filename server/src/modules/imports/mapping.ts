import type { ImportEntity, ImportMapping } from '@crm/contracts';
import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import type { MappedColumn } from './convert.js';
import { headerIndex, headerKey, type FieldDef } from './fields.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Turn a requested mapping into columns; every problem is a field-level error under `mapping`. */
export function resolveMapping(entity: ImportEntity, headers: string[], mapping: ImportMapping, fields: FieldDef[]): MappedColumn[] {
  const byKey = new Map(fields.filter((f) => !f.exportOnly).map((f) => [f.key, f]));
  const details: ErrorDetail[] = [];
  const columns: MappedColumn[] = [];
  const used = new Set<string>();
  const usedColumns = new Set<number>();
  for (const [column, target] of Object.entries(mapping)) {
    if (target === null || target === '') continue;
    const path = `mapping.${column}`;
    let index = /^\d+$/.test(column) ? Number(column) : headers.indexOf(column);
    if (index < 0) index = headers.findIndex((h) => headerKey(h) === headerKey(column));
    if (index < 0 || index >= headers.length) {
      details.push({ path, message: 'importUnknownColumn' });
      continue;
    }
    const field = byKey.get(target);
    if (!field) {
      details.push({ path, message: 'importUnknownField' });
      continue;
    }
    if (used.has(field.key) || usedColumns.has(index)) {
      details.push({ path, message: 'importFieldTwice' });
      continue;
    }
    used.add(field.key);
    usedColumns.add(index);
    columns.push({ index, field });
  }
  if (details.length === 0) {
    if (entity === 'purchases') {
      // The customer, the day and the amount make a purchase; the rest is optional.
      if (!used.has('customer')) details.push({ path: 'mapping', message: 'importPurchaseCustomerRequired' });
      if (!used.has('purchasedOn')) details.push({ path: 'mapping', message: 'importPurchaseDateRequired' });
      if (!used.has('amount')) details.push({ path: 'mapping', message: 'importPurchaseAmountRequired' });
    } else {
      if (!used.has('name')) details.push({ path: 'mapping', message: 'importNameRequired' });
      if (entity === 'contacts' && !used.has('customer')) details.push({ path: 'mapping', message: 'importCustomerRequired' });
    }
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  return columns.sort((a, b) => a.index - b.index);
}

const remembered = z.object({ byHeader: z.record(z.string(), z.string()).default({}) });

function settingKey(entity: ImportEntity, userId: number): string {
  return `imports.mapping.${entity}.${userId}`;
}

/**
 * Column index -> field: what the user mapped this header to last time (for this entity), else
 * the field whose label or alias the header is; each field once, the first column winning.
 */
export async function suggestMapping(db: Db, entity: ImportEntity, userId: number, headers: string[], fields: FieldDef[]): Promise<ImportMapping> {
  const { value } = await readSetting(db, settingKey(entity, userId), remembered);
  const known = new Set(fields.filter((f) => !f.exportOnly).map((f) => f.key));
  const recognised = headerIndex(fields);
  const used = new Set<string>();
  const out: ImportMapping = {};
  // Beside a contact's name, a job title is the contact's (联系人 / 联系人手机 / 职务), not the customer's.
  const withContact = known.has('contact.title') && headers.some((h) => recognised.get(headerKey(h)) === 'contact.name');
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const last = value.byHeader[key];
    let found = recognised.get(key) ?? '';
    if (withContact && found === 'person.jobTitle') found = 'contact.title';
    const candidate = last !== undefined && (last === '' || known.has(last)) ? last : found;
    if (candidate && !used.has(candidate)) {
      used.add(candidate);
      out[String(index)] = candidate;
    } else {
      out[String(index)] = null;
    }
  });
  return out;
}

/** Remember a started import's mapping for the user's next file (by header text; '' = left out on purpose). */
export async function rememberMapping(db: Db, entity: ImportEntity, userId: number, headers: string[], columns: MappedColumn[], at: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { value, version } = await readSetting(db, settingKey(entity, userId), remembered);
    const byHeader = { ...value.byHeader };
    headers.forEach((header, index) => {
      const key = headerKey(header);
      if (!key) return;
      byHeader[key] = columns.find((c) => c.index === index)?.field.key ?? '';
    });
    // Bounded: the most recent 300 headers.
    const entries = Object.entries(byHeader).slice(-300);
    if (await writeSetting(db, settingKey(entity, userId), { byHeader: Object.fromEntries(entries) }, version, { userId, at })) return;
  }
}

import type { ImportEntity, ImportValueMapping, ImportValues, Locale } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import type { MappedColumn } from './convert.js';
import { headerKey, matchOption } from './fields.js';
import type { FileRow } from './file-reader.js';
import { synonymOption } from './value-synonyms.js';

type Db = Kysely<DB> | Transaction<DB>;

/** At most this many distinct values are listed per column (the most frequent). */
export const distinctValuesCap = 200;

const remembered = z.object({ byField: z.record(z.string(), z.record(z.string(), z.string())).default({}) });

function settingKey(entity: ImportEntity, userId: number): string {
  return `imports.values.${entity}.${userId}`;
}

/**
 * Attach a run's value mapping to its enum columns (by `headerKey` of the text); a choice that is
 * not an option of its field is a field-level error under `values.<field>.<text>`.
 */
export function attachValues(columns: MappedColumn[], values: ImportValueMapping): MappedColumn[] {
  const details: ErrorDetail[] = [];
  const out = columns.map((column) => {
    const chosen = values[column.field.key];
    if (column.field.kind !== 'enum' || !chosen) return column;
    const map = new Map<string, string | null>();
    for (const [text, value] of Object.entries(chosen)) {
      if (value !== null && value !== '' && !column.field.options?.some((o) => o.value === value)) {
        details.push({ path: `values.${column.field.key}.${text}`, message: 'importValueUnknown' });
        continue;
      }
      map.set(headerKey(text), value === '' ? null : value);
    }
    return { ...column, values: map };
  });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  return out;
}

/**
 * The value-mapping step: for each mapped enum column, the distinct texts of the file (most
 * frequent first, at most 200), how often each occurs, and a suggestion: the option it names,
 * the user's last choice for it, else the synonym table's guess.
 */
export async function distinctValues(
  db: Db,
  entity: ImportEntity,
  userId: number,
  columns: MappedColumn[],
  rows: AsyncIterable<FileRow>,
  locale: Locale,
): Promise<ImportValues> {
  const enums = columns.filter((c) => c.field.kind === 'enum');
  if (enums.length === 0) return { columns: [] };
  // Per column: text key -> the first spelling seen and the count. Bounded: beyond 4 x the cap a column stops collecting new texts.
  const seen = enums.map(() => new Map<string, { text: string; count: number }>());
  const overflow = enums.map(() => false);
  for await (const row of rows) {
    enums.forEach((column, i) => {
      const text = (row.cells[column.index] ?? '').trim();
      if (!text) return;
      const key = headerKey(text);
      const map = seen[i] as Map<string, { text: string; count: number }>;
      const entry = map.get(key);
      if (entry) entry.count += 1;
      else if (map.size < distinctValuesCap * 4) map.set(key, { text, count: 1 });
      else overflow[i] = true;
    });
  }
  const { value: memory } = await readSetting(db, settingKey(entity, userId), remembered);
  return {
    columns: enums.map((column, i) => {
      const { field } = column;
      const last = memory.byField[field.key] ?? {};
      const all = [...(seen[i] ?? new Map<string, { text: string; count: number }>()).values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
      const listed = all.slice(0, distinctValuesCap);
      return {
        column: column.index,
        field: field.key,
        label: field.labels[locale],
        required: field.required ?? false,
        options: (field.options ?? []).map((o) => ({ value: o.value, label: o.labels[locale] })),
        values: listed.map(({ text, count }) => {
          const exact = matchOption(field, text);
          const previous = last[headerKey(text)];
          const suggested = exact ?? (previous !== undefined ? previous || null : synonymOption(field, text));
          return { text, count, suggested, exact: exact !== null };
        }),
        truncated: overflow[i] === true || all.length > listed.length,
      };
    }),
  };
}

/** Remember a started import's value choices for the user's next file ('' = left empty on purpose). */
export async function rememberValues(db: Db, entity: ImportEntity, userId: number, values: ImportValueMapping, at: string): Promise<void> {
  if (Object.keys(values).length === 0) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { value, version } = await readSetting(db, settingKey(entity, userId), remembered);
    const byField = { ...value.byField };
    for (const [field, choices] of Object.entries(values)) {
      const merged = { ...(byField[field] ?? {}) };
      for (const [text, choice] of Object.entries(choices)) {
        const key = headerKey(text);
        if (!key) continue;
        delete merged[key]; // re-inserted last: the most recent stay when the list is cut
        merged[key] = choice ?? '';
      }
      // Bounded: the most recent 500 texts per field.
      byField[field] = Object.fromEntries(Object.entries(merged).slice(-500));
    }
    if (await writeSetting(db, settingKey(entity, userId), { byField }, version, { userId, at })) return;
  }
}

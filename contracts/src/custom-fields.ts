import { z } from 'zod';
import { listOf, recordMeta, versionField } from './common.js';

/**
 * Custom fields: administrators add fields to customers and contacts. A record keeps their values
 * in `custom`, an object keyed by field key. Value types in `custom`:
 * - text: string (at most 500 characters)
 * - number: JSON number
 * - money: integer number of fen (1 yuan = 100 fen), like every amount in this API
 * - date: string YYYY-MM-DD
 * - single_select: one option `value`; multi_select: array of option values
 * - user: an active user's id; boolean: true or false
 * An empty value (null, '', []) removes the key. A deleted field is deactivated: its values stay
 * stored (and come back when it is reactivated) but records no longer show or accept them.
 */
export const customFieldEntities = ['customer', 'contact'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];
export const customFieldTypes = ['text', 'number', 'money', 'date', 'single_select', 'multi_select', 'user', 'boolean'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
export const selectFieldTypes: readonly CustomFieldType[] = ['single_select', 'multi_select'];
/** Types whose list filter is a range (`cf_<key>_from` / `cf_<key>_to`) besides equality. */
export const rangeFieldTypes: readonly CustomFieldType[] = ['number', 'money', 'date'];
export const customTextMax = 500;
/** The most fields one entity may have (deactivated ones included). */
export const customFieldLimit = 200;

export const customFieldKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'a-z, 0-9, _' });

export const customFieldOption = z
  .object({
    value: z.string().trim().min(1).max(60),
    labelZh: z.string().trim().min(1).max(60),
    labelEn: z.string().trim().min(1).max(60),
  })
  .strict();
export type CustomFieldOption = z.infer<typeof customFieldOption>;

const label = z.string().trim().min(1).max(60);
/** Unique values; only select fields have options, and at least one (checked by the server). */
const options = z.array(customFieldOption).max(200);

export const customField = z.object({
  ...recordMeta,
  entity: z.enum(customFieldEntities),
  key: z.string(),
  type: z.enum(customFieldTypes),
  labelZh: z.string(),
  labelEn: z.string(),
  options: z.array(customFieldOption),
  required: z.boolean(),
  position: z.number().int(),
  active: z.boolean(),
});
export type CustomField = z.infer<typeof customField>;
export const customFieldList = listOf(customField);

export const customFieldCreate = z
  .object({
    entity: z.enum(customFieldEntities),
    key: customFieldKey,
    type: z.enum(customFieldTypes),
    labelZh: label,
    labelEn: label,
    options: options.default([]),
    required: z.boolean().default(false),
  })
  .strict();
export type CustomFieldCreate = z.input<typeof customFieldCreate>;

/** Entity, key and type never change (stored values depend on them); `active: true` brings a deleted field back. */
export const customFieldUpdate = z
  .object({ labelZh: label, labelEn: label, options, required: z.boolean(), active: z.boolean() })
  .partial()
  .extend(versionField)
  .strict();
export type CustomFieldUpdate = z.input<typeof customFieldUpdate>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const customFieldListQuery = z
  .object({
    entity: z.enum(customFieldEntities).optional(),
    /** Deactivated fields too (the settings page); forms read active fields only. */
    includeInactive: flag.optional(),
  })
  .strict();
export type CustomFieldListQuery = z.input<typeof customFieldListQuery>;

/** The new order of every field of one entity. */
export const customFieldOrder = z
  .object({ entity: z.enum(customFieldEntities), ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(customFieldLimit) })
  .strict();
export type CustomFieldOrder = z.input<typeof customFieldOrder>;

/** `custom` in create and update bodies of customers and contacts: checked against the fields by the server. */
export const customValuesInput = z.record(z.string().max(60), z.unknown());
/** `custom` in answers: the values of the entity's active fields. */
export const customValues = z.record(z.string(), z.unknown());

/**
 * List queries of customers and contacts accept `cf_<key>=value` filters (equality; "contains" for
 * multi_select; `cf_<key>_from` / `cf_<key>_to` for number, money and date). Any other unknown
 * parameter is still refused as an unknown field; the server checks that the keys exist.
 */
export const customFilterPrefix = 'cf_';
const customFilterParam = /^cf_[a-z][a-z0-9_]*$/;

/** Make a strict list query accept `cf_` parameters (string values of at most 200 characters). */
export function withCustomFilters<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape).superRefine((value, ctx) => {
    const unknown: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      if (key in shape) continue;
      if (!customFilterParam.test(key)) unknown.push(key);
      else if (typeof v !== 'string') ctx.addIssue({ code: 'invalid_type', expected: 'string', path: [key], input: v });
      else if (v.length > 200) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: 200, inclusive: true, path: [key], input: v });
    }
    if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
  });
}

/** The `cf_` parameters of a parsed list query. */
export function customFilterParams(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(query)) if (customFilterParam.test(key) && typeof v === 'string') out[key] = v;
  return out;
}

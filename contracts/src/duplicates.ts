import { z } from 'zod';
import { listOf } from './common.js';
import { customer, customerKinds } from './customers.js';

/**
 * What a duplicate matched on: the unified social credit code, the ID-card number, a normalised
 * phone number or email (strong: each names one party), or an organisation's name (weak).
 */
export const duplicateMatchKinds = ['creditCode', 'idCard', 'phone', 'email', 'name'] as const;
export type DuplicateMatchKind = (typeof duplicateMatchKinds)[number];
/** The kind of a stored duplicate key by its prefix letter (`c:`, `i:`, `p:`, `e:`, `n:`). */
export const duplicateKeyKinds: Readonly<Record<string, DuplicateMatchKind>> = { c: 'creditCode', i: 'idCard', p: 'phone', e: 'email', n: 'name' };

// Values as typed in a form: checked loosely (length only), the server normalises them.
const typed = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * The values of a customer being created, imported or edited; the answer lists live customers
 * that share a normalised phone, email or (organisations only) name with them.
 */
export const duplicateCheck = z
  .object({
    kind: z.enum(customerKinds).optional(),
    name: typed(120),
    phone: typed(30),
    mobile: typed(30),
    email: typed(254),
    /** Organisations: the unified social credit code. */
    creditCode: typed(30),
    /** Persons: the ID-card number (a masked value is ignored). */
    idCardNumber: typed(30),
    contacts: z
      .array(z.object({ mobile: typed(30), phone: typed(30), email: typed(254) }).strict())
      .max(50)
      .optional(),
    /** The customer being edited, left out of its own matches. */
    excludeId: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type DuplicateCheck = z.input<typeof duplicateCheck>;

/**
 * A likely duplicate. One the caller may not see says only that it exists and who owns it (so
 * two people do not chase the same customer): no id, no archive number, no name.
 */
export const duplicateMatch = z.object({
  visible: z.boolean(),
  id: z.number().int().optional(),
  archiveNo: z.string().optional(),
  name: z.string().optional(),
  ownerName: z.string().nullable(),
  matchedOn: z.array(z.enum(duplicateMatchKinds)),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export const duplicateCheckResult = z.object({ matches: z.array(duplicateMatch) });
export type DuplicateCheckResult = z.infer<typeof duplicateCheckResult>;

/** Top-level customer fields a merge can take from any of the merged customers. */
export const mergeableFields = [
  'name', 'category', 'status', 'lifecycleStage', 'ownerId', 'industry', 'province', 'city', 'district',
  'address', 'phone', 'mobile', 'email', 'website', 'source', 'notes', 'tags', 'person', 'organization',
] as const;

/**
 * Merge customers into a survivor. `fields` maps a field to the customer whose value the survivor
 * takes: a top-level field (`phone`), a whole profile section (`person`), one profile value
 * (`organization.creditCode`) or a custom value (`custom.<key>`). A field not chosen keeps the
 * survivor's value, or when that is empty the first merged customer's value; tags are the union
 * unless chosen. `version` is the survivor's.
 */
export const customerMerge = z
  .object({
    survivorId: z.number().int().positive().max(2_147_483_647),
    mergedIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(9),
    fields: z.record(z.string().min(1).max(100), z.number().int().positive().max(2_147_483_647)).optional(),
    version: z.number().int().positive().max(2_147_483_647),
  })
  .strict();
export type CustomerMerge = z.input<typeof customerMerge>;

/** One merged customer: who merged it into which survivor, what was chosen, and its record then. */
export const customerMergeRecord = z.object({
  id: z.number().int(),
  survivorId: z.number().int(),
  survivorName: z.string(),
  survivorArchiveNo: z.string(),
  mergedId: z.number().int(),
  mergedName: z.string(),
  mergedArchiveNo: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  /** Field -> the customer id its value was taken from. */
  choices: z.record(z.string(), z.number().int()),
  /** The merged customer as it was just before the merge (sensitive values masked as usual). */
  snapshot: customer,
});
export type CustomerMergeRecord = z.infer<typeof customerMergeRecord>;
export const customerMergeList = listOf(customerMergeRecord);

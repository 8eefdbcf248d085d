import { z } from 'zod';
import { customerStatuses, customerTag } from './customers.js';
import { multiline, multilineString } from './text.js';
import { settingsVersion } from './common.js';

/**
 * Public-pool rules (公海规则), set by an administrator.
 *
 * - `enabled` switches the automatic part off: warnings and returns to the pool. The claim limits
 *   (`maxCustomersPerUser`, `reclaimWaitDays`) have their own "off" values (null, 0) and apply
 *   whether or not the automatic returns run.
 * - A customer's follow-up clock starts at the later of when its owner got it and its last
 *   follow-up; its deal clock at the later of when its owner got it and its last deal.
 * - `exemptStatuses`: customers in these statuses are never returned by the rules. By default the
 *   customers that have bought (first purchase, repeat, loyal): the rules exist to stop prospects
 *   from being hoarded, not to take a paying customer from the account manager who looks after it.
 */
export const poolRules = z
  .object({
    // Off until an administrator turns it on: switched on by default, an upgrade would send
    // every customer without a recent follow-up back to the pool at once.
    enabled: z.boolean().default(false),
    /** Return after this many days without a follow-up; null = no such rule. */
    noFollowUpDays: z.number().int().min(1).max(3650).nullable().default(30),
    /** Return after this many days without a deal; null = no such rule. */
    noDealDays: z.number().int().min(1).max(3650).nullable().default(90),
    /** Warn the owner this many days before a return (0 = no warning). */
    warnDaysBefore: z.number().int().min(0).max(365).default(3),
    /** The most customers one user may own; null = no limit. */
    maxCustomersPerUser: z.number().int().min(1).max(1_000_000).nullable().default(null),
    /** Days before a user may claim back a customer they released or lost to the pool (0 = at once). */
    reclaimWaitDays: z.number().int().min(0).max(3650).default(7),
    exemptStatuses: z
      .array(z.enum(customerStatuses))
      .max(customerStatuses.length)
      .default(['first_purchase', 'repeat', 'loyal'])
      .transform((v) => [...new Set(v)]),
  })
  .strict();
export type PoolRules = z.output<typeof poolRules>;

/** The stored rules and their version (0 while never saved: the defaults apply). */
export const poolRulesState = z.object({
  enabled: z.boolean(),
  noFollowUpDays: z.number().int().nullable(),
  noDealDays: z.number().int().nullable(),
  warnDaysBefore: z.number().int(),
  maxCustomersPerUser: z.number().int().nullable(),
  reclaimWaitDays: z.number().int(),
  exemptStatuses: z.array(z.enum(customerStatuses)),
  version: z.number().int(),
});
export type PoolRulesState = z.infer<typeof poolRulesState>;

/** PUT body: the whole rule set (missing fields take their defaults) and the version read. */
export const poolRulesUpdate = poolRules.extend({ version: settingsVersion }).strict();
export type PoolRulesUpdate = z.input<typeof poolRulesUpdate>;

export const poolRunResult = z.object({ warned: z.number().int(), returned: z.number().int() });
export type PoolRunResult = z.infer<typeof poolRunResult>;

export const customerRelease = z.object({ reason: multiline(500).optional() }).strict();
export type CustomerRelease = z.input<typeof customerRelease>;

export const customerTransfer = z
  .object({
    customerIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500),
    ownerId: z.number().int().positive().max(2_147_483_647),
    note: multiline(500).optional(),
  })
  .strict();
export type CustomerTransfer = z.input<typeof customerTransfer>;
export const transferResult = z.object({ moved: z.number().int() });
export type TransferResult = z.infer<typeof transferResult>;

const bulkIds = z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500);

/** Add and remove tags on 1-500 customers, all or none (a tag both added and removed ends up removed). */
export const customerBulkTags = z
  .object({
    ids: bulkIds,
    add: z.array(customerTag).max(20).optional(),
    remove: z.array(customerTag).max(20).optional(),
  })
  .strict()
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, { message: 'bulkTagsNothing', path: ['add'] });
export type CustomerBulkTags = z.input<typeof customerBulkTags>;
export const bulkTagsResult = z.object({ updated: z.number().int() });
export type BulkTagsResult = z.infer<typeof bulkTagsResult>;

/** Move 1-500 customers to the recycle bin, all or none. */
export const customerBulkDelete = z.object({ ids: bulkIds }).strict();
export type CustomerBulkDelete = z.input<typeof customerBulkDelete>;
export const bulkDeleteResult = z.object({ deleted: z.number().int() });
export type BulkDeleteResult = z.infer<typeof bulkDeleteResult>;

export const followUpCreate = z
  .object({
    note: multilineString(2000).min(1),
    /** When it happened (ISO 8601); now by default. Never in the future. */
    at: z.iso
      .datetime({ offset: true })
      .transform((v) => new Date(v).toISOString())
      .optional(),
  })
  .strict();
export type FollowUpCreate = z.input<typeof followUpCreate>;

import { z } from 'zod';
import { listOf, pageQuery, settingsVersion } from './common.js';
import { customerKinds, organizationProfile, personProfile } from './customers.js';
import { duplicateMatchKinds } from './duplicates.js';

/** Top-level customer fields an administrator may mark as expected. */
export const expectableCustomerFields = [
  'category', 'status', 'lifecycleStage', 'industry', 'province', 'city', 'district', 'address', 'phone',
  'mobile', 'email', 'website', 'source', 'tags', 'notes',
] as const;

const profileKeys = {
  person: Object.keys(personProfile.shape),
  organization: Object.keys(organizationProfile.shape),
};

/**
 * Whether a path names a field completeness can measure: a top-level field (`industry`), a profile
 * value (`organization.creditCode`, `person.birthday`) or a custom field (`custom.<key>`).
 */
export function isExpectableField(path: string): boolean {
  if ((expectableCustomerFields as readonly string[]).includes(path)) return true;
  const [section, key, ...rest] = path.split('.');
  if (rest.length > 0 || !key) return false;
  if (section === 'person') return profileKeys.person.includes(key);
  if (section === 'organization') return profileKeys.organization.includes(key);
  if (section === 'custom') return /^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(key);
  return false;
}

const expectedList = z
  .array(z.string().refine(isExpectableField, { message: 'unknownQualityField' }))
  .max(100)
  .transform((v) => [...new Set(v)]);

/** Data-quality settings: the fields expected per kind, when a record is stale, when incomplete. */
export const dataQualitySettings = z.object({
  expected: z
    .object({
      organization: expectedList.default([
        'industry', 'province', 'city', 'address', 'phone', 'email', 'website', 'source',
        'organization.creditCode', 'organization.legalRepresentative', 'organization.scale', 'organization.employees',
      ]),
      person: expectedList.default(['mobile', 'email', 'province', 'city', 'source', 'person.gender', 'person.birthday', 'person.employer', 'person.jobTitle']),
    })
    .prefault({}),
  /** A record not changed nor confirmed for this many days is stale. */
  staleDays: z.number().int().min(1).max(3650).default(180),
  /** A record whose completeness is below this is incomplete. */
  incompleteBelow: z.number().int().min(1).max(100).default(60),
});
export type DataQualitySettings = z.output<typeof dataQualitySettings>;

export const dataQualitySettingsResponse = dataQualitySettings.extend({ version: z.number().int() });
export type DataQualitySettingsResponse = z.output<typeof dataQualitySettingsResponse>;
export const dataQualitySettingsUpdate = z
  .object({
    expected: z.object({ organization: expectedList, person: expectedList }).partial().strict().optional(),
    staleDays: z.number().int().min(1).max(3650).optional(),
    incompleteBelow: z.number().int().min(1).max(100).optional(),
    /** The version read (0 when the settings were never saved). */
    version: settingsVersion,
  })
  .strict();
export type DataQualitySettingsUpdate = z.input<typeof dataQualitySettingsUpdate>;

export const dataQualityIssues = ['incomplete', 'stale', 'duplicate'] as const;
export type DataQualityIssue = (typeof dataQualityIssues)[number];

export const dataQualityQuery = z
  .object({ issue: z.enum(dataQualityIssues), page: pageQuery.page, pageSize: pageQuery.pageSize })
  .strict();

export const qualityCustomer = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  kind: z.enum(customerKinds),
  name: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  completeness: z.number().int(),
  freshDays: z.number().int(),
  confirmedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type QualityCustomer = z.infer<typeof qualityCustomer>;

/**
 * One line of the data-quality page: an incomplete or stale customer (with its missing fields),
 * or a group of likely duplicates (`group`, what they share in `matchedOn`).
 */
export const dataQualityItem = z.object({
  issue: z.enum(dataQualityIssues),
  customer: qualityCustomer,
  missingFields: z.array(z.string()),
  group: z.array(qualityCustomer),
  matchedOn: z.array(z.enum(duplicateMatchKinds)),
});
export type DataQualityItem = z.infer<typeof dataQualityItem>;
export const dataQualityList = listOf(dataQualityItem);

export const dataQualitySummary = z.object({
  incomplete: z.number().int(),
  stale: z.number().int(),
  /** Groups of likely duplicates. */
  duplicate: z.number().int(),
  staleDays: z.number().int(),
  incompleteBelow: z.number().int(),
});
export type DataQualitySummary = z.infer<typeof dataQualitySummary>;

/** Records whose phone numbers cannot be read (kept as typed, without an E.164 form). */
export const unreadablePhoneRecordTypes = ['customer', 'contact', 'lead'] as const;
export const unreadablePhoneQuery = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();
export const unreadablePhone = z.object({
  recordType: z.enum(unreadablePhoneRecordTypes),
  /** The customer, contact or lead. */
  recordId: z.number().int(),
  name: z.string(),
  /** The customer (of a contact: the one it belongs to); null for a lead. */
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  archiveNo: z.string().nullable(),
  field: z.enum(['phone', 'mobile']),
  value: z.string(),
});
export type UnreadablePhone = z.infer<typeof unreadablePhone>;
export const unreadablePhoneList = listOf(unreadablePhone);

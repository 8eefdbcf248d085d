import { z } from 'zod';
import { email, id, isoDate, listOf, pageQuery, queryInt, recordMeta, text, versionField } from './common.js';
import { mobile } from './org.js';
import { phoneField } from './phones.js';
import { multiline } from './text.js';
import { isValidChineseIdCard, isValidCreditCode } from './validators.js';
import { customValues, customValuesInput, withCustomFilters } from './custom-fields.js';
import {
  customerKinds,
  customerCategories,
  customerStatuses,
  lifecycleStages,
  genders,
  maritalStatuses,
  ownershipTypes,
  companyScales,
  creditStandings,
  customerSorts,
} from './customer-options.js';

export {
  customerKinds,
  customerCategories,
  customerStatuses,
  lifecycleStages,
  genders,
  maritalStatuses,
  ownershipTypes,
  companyScales,
  creditStandings,
  customerSorts,
};

export type CustomerKind = (typeof customerKinds)[number];

/** The category (客户角色) a new customer of this kind gets when none is given: a person buys as a retail consumer. */
export function defaultCategoryOf(kind: CustomerKind): CustomerCategory {
  return kind === 'person' ? 'retail' : 'enterprise';
}
export type CustomerCategory = (typeof customerCategories)[number];
export type CustomerStatus = (typeof customerStatuses)[number];
export type LifecycleStage = (typeof lifecycleStages)[number];

/** Person archive (个人客户档案): DOMAIN.md section 2. `idCardNumber` and `health` are sensitive. */
export const personProfile = z
  .object({
    gender: z.enum(genders).nullable(),
    birthday: isoDate.nullable(),
    // A masked value (with *) as the server sent it means "unchanged".
    idCardNumber: text(18).refine((v) => v === null || v.includes('*') || isValidChineseIdCard(v), { message: 'idCard' }),
    wechat: text(60),
    qq: text(20),
    homeAddress: multiline(200),
    employer: text(120),
    employerType: text(60),
    jobTitle: text(60),
    annualIncome: z.number().int().min(0).max(1e13).nullable(),
    careerGoals: multiline(500),
    preferences: multiline(500),
    preferredChannel: text(60),
    maritalStatus: z.enum(maritalStatuses).nullable(),
    weddingAnniversary: isoDate.nullable(),
    education: text(60),
    hobbies: multiline(300),
    spouseName: text(60),
    spouseBirthday: isoDate.nullable(),
    children: multiline(300),
    health: multiline(500),
    favoriteSports: text(200),
    topics: multiline(300),
    media: multiline(200),
    schools: multiline(300),
    clubs: multiline(300),
  })
  .partial()
  .strict();
export type PersonProfile = z.infer<typeof personProfile>;
export const sensitivePersonFields = ['idCardNumber', 'health'] as const;

/** Organisation archive (企业客户档案): DOMAIN.md section 2. */
export const organizationProfile = z
  .object({
    ownership: z.enum(ownershipTypes).nullable(),
    creditCode: text(18).refine((v) => v === null || isValidCreditCode(v), { message: 'creditCode' }),
    legalRepresentative: text(60),
    /** Null or China: a Chinese address. Another country (the Billing Country of a Salesforce export) changes how the postcode is checked. */
    country: text(60),
    // Six digits in China (checked with the country, see postcodeIssue); 3-10 letters, digits, spaces or dashes abroad.
    postcode: text(10).refine((v) => v === null || /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/.test(v), { message: 'invalidPostcode' }),
    foundedYear: z.number().int().min(1800).max(2100).nullable(),
    /** Yearly revenue in fen (营业额; the Annual Revenue of a Salesforce account). */
    annualRevenue: z.number().int().min(0).max(1e15).nullable(),
    employees: z.number().int().min(0).max(10_000_000).nullable(),
    scale: z.enum(companyScales).nullable(),
    industryPosition: text(200),
    settlementMethod: text(60),
    creditStanding: z.enum(creditStandings).nullable(),
    creditLimit: z.number().int().min(0).max(1e13).nullable(),
    purchaseCycleDays: z.number().int().min(0).max(3650).nullable(),
  })
  .partial()
  .strict();
export type OrganizationProfile = z.infer<typeof organizationProfile>;

/** Whether a country name means China (no country does too: the archive is Chinese unless told otherwise). */
export function isChinaCountry(country: string | null | undefined): boolean {
  if (!country) return true;
  const k = country.normalize('NFKC').toLowerCase().replace(/[\s.'’\-_]+/g, '');
  return ['china', 'cn', 'chn', 'prc', 'peoplesrepublicofchina', 'mainlandchina', '中国', '中华人民共和国', '中国大陆'].includes(k);
}

type PostcodeInput = { organization?: { country?: string | null; postcode?: string | null } | undefined };

/** A Chinese postcode has six digits (a foreign one passed the field's own 3-10 character check). */
function postcodeIssue(value: PostcodeInput, ctx: z.RefinementCtx): void {
  const org = value.organization;
  if (org?.postcode && isChinaCountry(org.country) && !/^\d{6}$/.test(org.postcode)) {
    ctx.addIssue({ code: 'custom', path: ['organization', 'postcode'], message: 'invalidPostcode' });
  }
}

/** A change says which country its postcode belongs to only when it sends the country too (else the stored one stands). */
function changedPostcodeIssue(value: PostcodeInput, ctx: z.RefinementCtx): void {
  if (value.organization && 'country' in value.organization) postcodeIssue(value, ctx);
}

/** One customer tag: trimmed, 1-30 characters (a customer has at most 20). */
export const customerTag = z.string().trim().min(1).max(30);
const tag = customerTag;

const customerFields = {
  kind: z.enum(customerKinds),
  name: z.string().trim().min(1).max(120),
  category: z.enum(customerCategories),
  status: z.enum(customerStatuses),
  lifecycleStage: z.enum(lifecycleStages),
  ownerId: z.number().int().positive().max(2_147_483_647).nullable(),
  industry: text(60),
  province: text(30),
  city: text(30),
  district: text(30),
  address: text(200),
  phone: phoneField.nullable(),
  mobile: mobile.nullable(),
  email: email.nullable(),
  website: text(200),
  source: text(60),
  tags: z.array(tag).max(20),
  notes: multiline(2000),
  person: personProfile,
  organization: organizationProfile,
  /** Values of the administrator's custom fields, by key (see custom-fields.ts). */
  custom: customValuesInput,
};

export const customerCreate = z
  .object({
    ...customerFields,
    // Left out: follows the kind (defaultCategoryOf), so a person is no 企业型 customer by default.
    category: customerFields.category.optional(),
    status: customerFields.status.default('potential'),
    lifecycleStage: customerFields.lifecycleStage.default('exploration'),
  })
  .partial({
    ownerId: true,
    industry: true,
    province: true,
    city: true,
    district: true,
    address: true,
    phone: true,
    mobile: true,
    email: true,
    website: true,
    source: true,
    tags: true,
    notes: true,
    person: true,
    organization: true,
    custom: true,
  })
  .strict()
  .superRefine(postcodeIssue);
export type CustomerCreate = z.input<typeof customerCreate>;

export const customerUpdate = z
  .object(customerFields)
  .partial()
  .extend({
    ...versionField,
    /**
     * The next follow-up day (YYYY-MM-DD, company time zone; today or later), null for none. Set by
     * hand it stands until a follow-up is logged, changed or deleted: then the latest follow-up's
     * next step is the customer's next follow-up again.
     */
    nextFollowUpOn: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine(changedPostcodeIssue);
export type CustomerUpdate = z.input<typeof customerUpdate>;

export const customer = z.object({
  ...recordMeta,
  archiveNo: z.string(),
  kind: z.enum(customerKinds),
  name: z.string(),
  category: z.enum(customerCategories),
  status: z.enum(customerStatuses),
  lifecycleStage: z.enum(lifecycleStages),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  industry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  person: personProfile,
  organization: organizationProfile,
  contactCount: z.number().int(),
  custom: customValues,
  /** When the current owner got it (null in the public pool); the pool rules' clocks start here. */
  ownerSince: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  /** The next follow-up its latest follow-up planned (YYYY-MM-DD, company time zone); null when none. */
  nextFollowUpOn: z.string().nullable(),
  lastDealAt: z.string().nullable(),
  /** The customer's transactions (its active and completed contracts and orders): first deal, count and total in fen. */
  firstDealAt: z.string().nullable(),
  dealCount: z.number().int(),
  dealTotal: z.number().int(),
  /** 0-100: share of the fields expected for its kind that are filled in (data-quality settings). */
  completeness: z.number().int(),
  /** When a user last confirmed the record is still accurate. */
  confirmedAt: z.string().nullable(),
  /** Whole days since the record was last changed or confirmed. */
  freshDays: z.number().int(),
  /** Expected fields left empty (paths such as `organization.creditCode`); filled on the single-record read only. */
  missingFields: z.array(z.string()),
  /** True when the caller reads it only as the owner of a live deal on it: read-only. */
  viaDeal: z.boolean(),
  /** What the caller may do with this record; the client hides the other actions. */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), viewSensitive: z.boolean() }),
});
export type Customer = z.infer<typeof customer>;
export const customerList = listOf(customer);

const csv = z
  .string()
  .max(500)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const customerListQuery = withCustomFilters({
  ...pageQuery,
  sort: z.enum(customerSorts).default('-updatedAt'),
  kind: z.enum(customerKinds).optional(),
  category: z.enum(customerCategories).optional(),
  status: csv.pipe(z.array(z.enum(customerStatuses))).optional(),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  /** A user id, or `none` for the public pool. */
  ownerId: z.union([z.literal('none'), id]).optional(),
  province: z.string().trim().max(30).optional(),
  city: z.string().trim().max(30).optional(),
  district: z.string().trim().max(30).optional(),
  /** A key of the industries list, or of the sources (shared with leads). */
  industry: z.string().trim().max(60).optional(),
  source: z.string().trim().max(60).optional(),
  tags: csv.pipe(z.array(tag)).optional(),
  /** Created on or after / on or before these days (company time zone). */
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  /** Last followed up before this day, or never; on or after this day. */
  lastFollowUpBefore: isoDate.optional(),
  lastFollowUpFrom: isoDate.optional(),
  /** No follow-up on any of the last N days, today included (or never followed up). */
  noFollowUpDays: queryInt(1, 3650).optional(),
  /** Next follow-up on this day; before this day (overdue, said of today). */
  nextFollowUpOn: isoDate.optional(),
  nextFollowUpBefore: isoDate.optional(),
  /** Next follow-up due within N days from today: on or before today + N, overdue ones included (0: due today or overdue). */
  nextFollowUpWithinDays: queryInt(0, 365).optional(),
  /** Owned customers the public-pool rules return within N days (or at their next run); none while the rules are off. */
  poolDueWithinDays: queryInt(0, 365).optional(),
});
export type CustomerListQuery = z.input<typeof customerListQuery>;

const bulkUpdateIds = z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500);

/**
 * One field set to the same value on 1-500 customers, all or none (POST /customers/bulk-update).
 * Owners change through the transfer (POST /customers/transfer), tags through bulk-tags.
 */
export const customerBulkUpdate = z
  .object({
    ids: bulkUpdateIds,
    set: z
      .object({
        status: customerFields.status,
        lifecycleStage: customerFields.lifecycleStage,
        industry: customerFields.industry,
        source: customerFields.source,
        nextFollowUpOn: isoDate.nullable(),
      })
      .partial()
      .strict()
      .refine((v) => Object.keys(v).length > 0, { message: 'bulkUpdateNothing' }),
  })
  .strict();
export type CustomerBulkUpdate = z.input<typeof customerBulkUpdate>;
export const bulkUpdateResult = z.object({ updated: z.number().int() });
export type BulkUpdateResult = z.infer<typeof bulkUpdateResult>;

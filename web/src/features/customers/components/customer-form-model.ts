import type {
  Customer,
  CustomerCategory,
  CustomerCreate,
  CustomerKind,
  CustomerStatus,
  CustomerUpdate,
  LifecycleStage,
  OrganizationProfile,
  PersonProfile,
} from '@crm/contracts';
import type { Dayjs } from 'dayjs';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import {
  customFromFormValues,
  customToFormValues,
  withoutEmptyCustom,
  type CustomField,
} from '../../custom-fields';
import {
  changedFields,
  dateToIso,
  isoToDate,
  numberOrNull,
  textOrNull,
  withoutEmpty,
} from '../../../shared/form/normalize';

/** The owner select's value for "no owner": the public pool (公海). */
export const PUBLIC_POOL = 'none';

const personDateKeys = ['birthday', 'weddingAnniversary', 'spouseBirthday'] as const;
type PersonDateKey = (typeof personDateKeys)[number];

/** Person section as the form holds it: dates as Dayjs, income in yuan. */
export type PersonFormValues = Omit<PersonProfile, PersonDateKey | 'annualIncome'> & {
  [K in PersonDateKey]?: Dayjs | null;
} & { annualIncome?: number | null };

/** Organisation section as the form holds it: the credit limit and the revenue in yuan. */
export type OrganizationFormValues = Omit<OrganizationProfile, 'creditLimit' | 'annualRevenue'> & {
  creditLimit?: number | null;
  annualRevenue?: number | null;
};

export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  category: CustomerCategory;
  status: CustomerStatus;
  lifecycleStage: LifecycleStage;
  ownerId: number | typeof PUBLIC_POOL;
  industry?: string | null;
  region?: string[];
  address?: string | null;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
  website?: string | null;
  source?: string | null;
  tags?: string[];
  notes?: string | null;
  person?: PersonFormValues;
  organization?: OrganizationFormValues;
  /** Custom field values as their inputs hold them (see custom-fields). */
  custom?: Record<string, unknown>;
}

/** Every editable field with a definite value: what create sends, and what edit diffs. */
export interface CustomerPayload {
  kind: CustomerKind;
  name: string;
  category: CustomerCategory;
  status: CustomerStatus;
  lifecycleStage: LifecycleStage;
  ownerId: number | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  website: string | null;
  source: string | null;
  tags: string[];
  notes: string | null;
  person: PersonProfile;
  organization: OrganizationProfile;
  /** Custom values by key, as the API takes them (null = empty). */
  custom: Record<string, unknown>;
}

const personTextKeys = [
  'idCardNumber', 'wechat', 'qq', 'homeAddress', 'employer', 'employerType', 'jobTitle',
  'careerGoals', 'preferences', 'preferredChannel', 'education', 'hobbies', 'spouseName',
  'children', 'health', 'favoriteSports', 'topics', 'media', 'schools', 'clubs',
] as const;
const organizationTextKeys = [
  'creditCode', 'legalRepresentative', 'country', 'postcode', 'industryPosition', 'settlementMethod',
] as const;

/** Values the server masks for a user without `view_sensitive`: never sent back. */
export const sensitivePersonKeys = ['idCardNumber', 'health'] as const;

export function newCustomerValues(ownerId: number | null): CustomerFormValues {
  return {
    kind: 'organization',
    name: '',
    category: 'enterprise',
    status: 'potential',
    lifecycleStage: 'exploration',
    ownerId: ownerId ?? PUBLIC_POOL,
    tags: [],
    person: {},
    organization: {},
    custom: {},
  };
}

export function customerToFormValues(customer: Customer, customFields: CustomField[] = []): CustomerFormValues {
  const person = customer.person;
  const organization = customer.organization;
  return {
    kind: customer.kind,
    name: customer.name,
    category: customer.category,
    status: customer.status,
    lifecycleStage: customer.lifecycleStage,
    ownerId: customer.ownerId ?? PUBLIC_POOL,
    industry: customer.industry,
    region: [customer.province, customer.city, customer.district].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    ),
    address: customer.address,
    phone: customer.phone,
    mobile: customer.mobile,
    email: customer.email,
    website: customer.website,
    source: customer.source,
    tags: customer.tags,
    notes: customer.notes,
    person: {
      ...person,
      birthday: isoToDate(person.birthday),
      weddingAnniversary: isoToDate(person.weddingAnniversary),
      spouseBirthday: isoToDate(person.spouseBirthday),
      annualIncome: fenToYuan(person.annualIncome),
    },
    organization: { ...organization, creditLimit: fenToYuan(organization.creditLimit), annualRevenue: fenToYuan(organization.annualRevenue) },
    custom: customToFormValues(customFields, customer.custom),
  };
}

function personPayload(values: PersonFormValues | undefined, includeSensitive: boolean): PersonProfile {
  const v = values ?? {};
  const out: PersonProfile = {
    gender: v.gender ?? null,
    maritalStatus: v.maritalStatus ?? null,
    annualIncome: yuanToFen(numberOrNull(v.annualIncome)),
  };
  for (const key of personDateKeys) out[key] = dateToIso(v[key]);
  for (const key of personTextKeys) out[key] = textOrNull(v[key]);
  if (!includeSensitive) for (const key of sensitivePersonKeys) delete out[key];
  return out;
}

function organizationPayload(values: OrganizationFormValues | undefined): OrganizationProfile {
  const v = values ?? {};
  const out: OrganizationProfile = {
    ownership: v.ownership ?? null,
    scale: v.scale ?? null,
    creditStanding: v.creditStanding ?? null,
    foundedYear: numberOrNull(v.foundedYear),
    employees: numberOrNull(v.employees),
    purchaseCycleDays: numberOrNull(v.purchaseCycleDays),
    creditLimit: yuanToFen(numberOrNull(v.creditLimit)),
    annualRevenue: yuanToFen(numberOrNull(v.annualRevenue)),
  };
  for (const key of organizationTextKeys) out[key] = textOrNull(v[key]);
  return out;
}

function normalizeTags(tags: string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const trimmed = tag.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function formValuesToPayload(
  values: CustomerFormValues,
  includeSensitive: boolean,
  customFields: CustomField[] = [],
): CustomerPayload {
  const [province, city, district] = values.region ?? [];
  const email = textOrNull(values.email);
  return {
    kind: values.kind,
    name: values.name.trim(),
    category: values.category,
    status: values.status,
    lifecycleStage: values.lifecycleStage,
    ownerId: values.ownerId === PUBLIC_POOL ? null : values.ownerId,
    industry: textOrNull(values.industry),
    province: province ?? null,
    city: city ?? null,
    district: district ?? null,
    address: textOrNull(values.address),
    phone: textOrNull(values.phone),
    mobile: textOrNull(values.mobile),
    email: email === null ? null : email.toLowerCase(),
    website: textOrNull(values.website),
    source: textOrNull(values.source),
    tags: normalizeTags(values.tags),
    notes: textOrNull(values.notes),
    person: personPayload(values.person, includeSensitive),
    organization: organizationPayload(values.organization),
    custom: customFromFormValues(customFields, values.custom),
  };
}

/** The create request: empty fields left out, and only the profile section of the kind. */
export function createRequest(payload: CustomerPayload): CustomerCreate {
  const { person, organization, custom, ...core } = payload;
  const request: CustomerCreate = { ...withoutEmpty(core), kind: core.kind, name: core.name };
  const customValues = withoutEmptyCustom(custom);
  if (Object.keys(customValues).length > 0) request.custom = customValues;
  if (payload.ownerId === null) request.ownerId = null;
  if (payload.kind === 'person') {
    const section = withoutEmpty(person);
    if (Object.keys(section).length > 0) request.person = section;
  } else {
    const section = withoutEmpty(organization);
    if (Object.keys(section).length > 0) request.organization = section;
  }
  return request;
}

/**
 * The PATCH request: only the fields that changed, plus the version. The server patches the
 * profile sections key by key, so only their changed keys are sent (null clears one; masked
 * sensitive fields are never in the payload: the server keeps their stored values).
 */
export function updateRequest(base: CustomerPayload, next: CustomerPayload, version: number): CustomerUpdate {
  const { person: basePerson, organization: baseOrganization, custom: baseCustom, ...baseCore } = base;
  const { person, organization, custom, ...core } = next;
  const request: CustomerUpdate = { ...changedFields(baseCore, core), version };
  // Custom values: only the keys that changed (null clears one).
  const customChanges = changedFields(baseCustom, custom);
  if (Object.keys(customChanges).length > 0) request.custom = customChanges;
  const personChanges = changedFields(basePerson, person);
  if (Object.keys(personChanges).length > 0) request.person = personChanges;
  const organizationChanges = changedFields(baseOrganization, organization);
  if (Object.keys(organizationChanges).length > 0) request.organization = organizationChanges;
  return request;
}

/** Whether a request changes anything besides its version. */
export function hasChanges(request: CustomerUpdate): boolean {
  return Object.keys(request).some((key) => key !== 'version');
}

/** API field paths, flattened: `person.birthday` -> value. For the conflict notice. */
export function flattenPayload(payload: CustomerPayload): Record<string, unknown> {
  const { person, organization, custom, ...core } = payload;
  const out: Record<string, unknown> = { ...core };
  for (const [key, value] of Object.entries(custom)) out[`custom.${key}`] = value;
  for (const [key, value] of Object.entries(person)) out[`person.${key}`] = value;
  for (const [key, value] of Object.entries(organization)) out[`organization.${key}`] = value;
  return out;
}

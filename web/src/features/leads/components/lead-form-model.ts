import type { creditStandings, CustomerKind, genders, Lead, LeadCreate, LeadUpdate } from '@crm/contracts';
import { changedFields, numberOrNull, textOrNull, withoutEmpty } from '../../../shared/form/normalize';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';

type Gender = (typeof genders)[number];
type CreditStanding = (typeof creditStandings)[number];

/** The lead as its form holds it: region as one cascader value, income in yuan. */
export interface LeadFormValues {
  kind: CustomerKind;
  name: string;
  company?: string | null;
  jobTitle?: string | null;
  gender?: Gender | null;
  age?: number | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  region?: string[];
  address?: string | null;
  industry?: string | null;
  occupation?: string | null;
  annualIncome?: number | null;
  source?: string;
  referrerCustomerId?: number | null;
  creditStanding?: CreditStanding | null;
  /** Empty: on create the assignment rules decide; on edit the lead goes to the lead pool. */
  ownerId?: number | null;
  notes?: string | null;
}

/** Every editable field with a definite value: what create sends (minus empties), and what edit diffs. */
export interface LeadPayload {
  kind: CustomerKind;
  name: string;
  company: string | null;
  jobTitle: string | null;
  gender: Gender | null;
  age: number | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  industry: string | null;
  occupation: string | null;
  annualIncome: number | null;
  source: string;
  referrerCustomerId: number | null;
  creditStanding: CreditStanding | null;
  ownerId: number | null;
  notes: string | null;
}

/** Referral: the only source that names the referring customer. */
export const REFERRAL_SOURCE = 'referral';

export function newLeadValues(): LeadFormValues {
  return { kind: 'person', name: '' };
}

export function leadToFormValues(lead: Lead): LeadFormValues {
  return {
    kind: lead.kind,
    name: lead.name,
    company: lead.company,
    jobTitle: lead.jobTitle,
    gender: lead.gender,
    age: lead.age,
    mobile: lead.mobile,
    phone: lead.phone,
    email: lead.email,
    wechat: lead.wechat,
    region: [lead.province, lead.city, lead.district].filter((part): part is string => typeof part === 'string' && part !== ''),
    address: lead.address,
    industry: lead.industry,
    occupation: lead.occupation,
    annualIncome: fenToYuan(lead.annualIncome),
    source: lead.source,
    referrerCustomerId: lead.referrerCustomerId,
    creditStanding: lead.creditStanding,
    ownerId: lead.ownerId,
    notes: lead.notes,
  };
}

export function formValuesToPayload(values: LeadFormValues): LeadPayload {
  const [province, city, district] = values.region ?? [];
  const source = values.source ?? '';
  return {
    kind: values.kind,
    name: values.name.trim(),
    company: textOrNull(values.company),
    jobTitle: textOrNull(values.jobTitle),
    gender: values.gender ?? null,
    age: numberOrNull(values.age),
    mobile: textOrNull(values.mobile),
    phone: textOrNull(values.phone),
    email: textOrNull(values.email),
    wechat: textOrNull(values.wechat),
    province: province ?? null,
    city: city ?? null,
    district: district ?? null,
    address: textOrNull(values.address),
    industry: textOrNull(values.industry),
    occupation: textOrNull(values.occupation),
    annualIncome: yuanToFen(numberOrNull(values.annualIncome)),
    source,
    // Only a referral names a referrer; switching away from it clears the choice.
    referrerCustomerId: source === REFERRAL_SOURCE ? (values.referrerCustomerId ?? null) : null,
    creditStanding: values.creditStanding ?? null,
    ownerId: values.ownerId ?? null,
    notes: textOrNull(values.notes),
  };
}

/** The create request: empty fields left out; no owner keeps the lead (or, for those who distribute leads, lets the assignment rules choose). */
export function createRequest(payload: LeadPayload): LeadCreate {
  return { ...withoutEmpty(payload), kind: payload.kind, name: payload.name, source: payload.source };
}

/** The PATCH request: only what changed, plus the version. */
export function updateRequest(base: LeadPayload, next: LeadPayload, version: number): LeadUpdate {
  return { ...changedFields(base, next), version };
}

export function hasChanges(request: LeadUpdate): boolean {
  return Object.keys(request).some((key) => key !== 'version');
}

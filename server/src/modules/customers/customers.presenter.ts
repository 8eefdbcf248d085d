import {
  sensitivePersonFields,
  type Customer,
  type CustomerCategory,
  type CustomerKind,
  type CustomerStatus,
  type FieldChange,
  type LifecycleStage,
  type OrganizationProfile,
  type PersonProfile,
} from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import { freshDaysOf } from './customers.completeness.js';
import type { CustomerRow } from './customers.repository.js';

/** What a sensitive value shows without the right to see it: that there is one, nothing of it (not even its length). */
export const masked = '******';

export function mask(value: string): string {
  return value === '' ? value : masked;
}

const sensitivePaths = new Set<string>(sensitivePersonFields.map((f) => `person.${f}`));

export function maskPerson(person: PersonProfile, viewSensitive: boolean): PersonProfile {
  if (viewSensitive) return person;
  const copy: PersonProfile = { ...person };
  for (const field of sensitivePersonFields) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = mask(value);
  }
  return copy;
}

/** Mask sensitive values in a history entry for users without the right to see them. */
export function maskChange(change: FieldChange, viewSensitive: boolean): FieldChange {
  if (viewSensitive || !sensitivePaths.has(change.field)) return change;
  const m = (v: unknown) => (typeof v === 'string' ? mask(v) : v);
  return { ...change, old: m(change.old), new: m(change.new) };
}

/**
 * The API shape of a customer, as the caller may see it. `viaDeal`: the caller reads it only as
 * the owner of a deal on it.
 */
export function presentCustomer(row: CustomerRow, actor: Actor, ownerNames: Map<number, string>, inScopeForEdit = true, now = new Date(), viaDeal = false): Customer {
  const viewSensitive = can(actor, 'customers.view_sensitive');
  return {
    id: row.id,
    archiveNo: row.archive_no,
    kind: row.kind as CustomerKind,
    name: row.name,
    category: row.category as CustomerCategory,
    status: row.status as CustomerStatus,
    lifecycleStage: row.lifecycle_stage as LifecycleStage,
    ownerId: row.owner_id,
    ownerName: row.owner_id !== null ? (ownerNames.get(row.owner_id) ?? null) : null,
    industry: row.industry,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    phone: row.phone,
    mobile: row.mobile,
    email: row.email,
    website: row.website,
    source: row.source,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    person: maskPerson(JSON.parse(row.person) as PersonProfile, viewSensitive),
    organization: JSON.parse(row.organization) as OrganizationProfile,
    contactCount: Number(row.contact_count),
    // All stored custom values; the service keeps those of active fields only.
    custom: JSON.parse(row.custom) as Record<string, unknown>,
    completeness: Number(row.completeness),
    confirmedAt: row.confirmed_at,
    freshDays: freshDaysOf(row, now),
    missingFields: [],
    ownerSince: row.owner_since,
    lastFollowUpAt: row.last_followup_at,
    nextFollowUpOn: row.next_followup_on,
    lastDealAt: row.last_deal_at,
    firstDealAt: row.first_deal_at,
    dealCount: Number(row.deal_count),
    dealTotal: Number(row.deal_total),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    viaDeal,
    can: {
      edit: inScopeForEdit && can(actor, 'customers.edit'),
      delete: inScopeForEdit && can(actor, 'customers.delete'),
      viewSensitive,
    },
  };
}

/** Fields compared for the change history (presented names). */
export const historyFields = [
  'kind', 'name', 'category', 'status', 'lifecycleStage', 'ownerId', 'industry', 'province', 'city', 'district',
  'address', 'phone', 'mobile', 'email', 'website', 'source', 'tags', 'notes', 'person', 'organization', 'custom', 'nextFollowUpOn',
] as const;

/** The stored values of the compared fields, unmasked (history keeps the truth; reading masks it). */
export function recordView(row: CustomerRow): Record<string, unknown> {
  return {
    kind: row.kind, name: row.name, category: row.category, status: row.status, lifecycleStage: row.lifecycle_stage,
    ownerId: row.owner_id, industry: row.industry, province: row.province, city: row.city, district: row.district,
    address: row.address, phone: row.phone, mobile: row.mobile, email: row.email, website: row.website,
    source: row.source, tags: JSON.parse(row.tags) as string[], notes: row.notes,
    person: JSON.parse(row.person) as unknown, organization: JSON.parse(row.organization) as unknown,
    custom: JSON.parse(row.custom) as unknown, nextFollowUpOn: row.next_followup_on,
  };
}

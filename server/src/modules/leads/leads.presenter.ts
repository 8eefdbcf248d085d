import type { CustomerKind, Lead, LeadStatus, ManGrade } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import { manAnswers } from './leads.records.js';
import type { LeadRow } from './leads.repository.js';

/** Statuses a lead may be converted from; converted and disqualified leads are done. */
export const convertibleStatuses: readonly string[] = ['new', 'contacting', 'qualified'];

/**
 * What the caller may do with a lead they can see (the data scope is already applied): a pool
 * lead is edited or deleted after a claim, or with the assign right.
 */
export function leadCan(row: Pick<LeadRow, 'status' | 'owner_id'>, actor: Actor): Lead['can'] {
  const editable = row.owner_id !== null || can(actor, 'leads.assign');
  return {
    edit: editable && can(actor, 'leads.edit'),
    delete: editable && can(actor, 'leads.delete'),
    convert: can(actor, 'leads.convert') && convertibleStatuses.includes(row.status),
    assign: can(actor, 'leads.assign'),
    claim: can(actor, 'leads.claim') && row.owner_id === null && row.status !== 'converted',
  };
}

/** The API shape of a lead. */
export function presentLead(row: LeadRow, actor: Actor, names: { users: Map<number, string>; customers: Map<number, string> }): Lead {
  const man = manAnswers(row);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    kind: row.kind as CustomerKind,
    name: row.name,
    company: row.company,
    jobTitle: row.job_title,
    gender: row.gender as Lead['gender'],
    age: row.age,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    industry: row.industry,
    occupation: row.occupation,
    annualIncome: row.annual_income === null ? null : Number(row.annual_income),
    source: row.source,
    referrerCustomerId: row.referrer_customer_id,
    referrerCustomerName: row.referrer_customer_id === null ? null : (names.customers.get(row.referrer_customer_id) ?? null),
    creditStanding: row.credit_standing as Lead['creditStanding'],
    notes: row.notes,
    ownerId: row.owner_id,
    ownerName: row.owner_id === null ? null : (names.users.get(row.owner_id) ?? null),
    ownerSince: row.owner_since,
    status: row.status as LeadStatus,
    disqualifyReason: row.disqualify_reason,
    manMoney: man.money,
    manAuthority: man.authority,
    manNeed: man.need,
    manGrade: row.man_grade as ManGrade | null,
    manRank: row.man_rank,
    formId: row.form_id,
    convertedCustomerId: row.converted_customer_id,
    convertedContactId: row.converted_contact_id,
    convertedOpportunityId: row.converted_opportunity_id,
    convertedAt: row.converted_at,
    can: leadCan(row, actor),
  };
}

/** The fields an edit compares for the timeline, as the API names them. */
export const historyFields = [
  'kind', 'name', 'company', 'jobTitle', 'gender', 'age', 'mobile', 'phone', 'email', 'wechat', 'province', 'city', 'district', 'address',
  'industry', 'occupation', 'annualIncome', 'source', 'referrerCustomerId', 'creditStanding', 'notes', 'status', 'manMoney', 'manAuthority', 'manNeed', 'ownerId',
] as const;

export function recordView(row: LeadRow): Record<string, unknown> {
  const man = manAnswers(row);
  return {
    kind: row.kind, name: row.name, company: row.company, jobTitle: row.job_title, gender: row.gender, age: row.age, mobile: row.mobile, phone: row.phone,
    email: row.email, wechat: row.wechat, province: row.province, city: row.city, district: row.district, address: row.address, industry: row.industry,
    occupation: row.occupation, annualIncome: row.annual_income === null ? null : Number(row.annual_income), source: row.source, referrerCustomerId: row.referrer_customer_id,
    creditStanding: row.credit_standing, notes: row.notes, status: row.status, manMoney: man.money, manAuthority: man.authority, manNeed: man.need, ownerId: row.owner_id,
  };
}

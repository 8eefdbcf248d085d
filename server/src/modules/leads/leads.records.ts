import { canonicalRegion, manGradeOf, manRanks, type leadCreate } from '@crm/contracts';
import type { z } from 'zod';
import { dedupeKeys, normalizePhone } from '../../platform/normalize.js';
import { buildSearchDocument, phoneSearchTerms } from '../../platform/search.js';
import type { LeadRow, NewLeadRow } from './leads.repository.js';

/** Pure helpers: a lead's row, MAN grade, search text and duplicate keys. */
export type LeadInput = z.output<typeof leadCreate>;

const flag = (v: boolean | null | undefined): number | null => (v === null || v === undefined ? null : v ? 1 : 0);
const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);

/** The stored MAN columns of three answers: grade and rank only once all three are known. */
export function manColumns(money: boolean | null, authority: boolean | null, need: boolean | null): Pick<LeadRow, 'man_money' | 'man_authority' | 'man_need' | 'man_grade' | 'man_rank'> {
  const grade = manGradeOf(money, authority, need);
  return { man_money: flag(money), man_authority: flag(authority), man_need: flag(need), man_grade: grade, man_rank: grade === null ? null : manRanks[grade] };
}

export function manAnswers(row: Pick<LeadRow, 'man_money' | 'man_authority' | 'man_need'>): { money: boolean | null; authority: boolean | null; need: boolean | null } {
  return { money: bool(row.man_money), authority: bool(row.man_authority), need: bool(row.man_need) };
}

/** What `q` searches: name, company, phones (in every form, see phoneSearchTerms) and email, normalised and space-separated. */
export function searchText(row: Pick<LeadRow, 'name' | 'company' | 'mobile' | 'phone' | 'email'>): string {
  return buildSearchDocument([row.name, row.company, ...phoneSearchTerms(row.mobile), ...phoneSearchTerms(row.phone), row.email]).key;
}

/**
 * Duplicate keys of a lead, in the customers' format (`p:` phone, `e:` email, `n:` organisation
 * name) so that one lookup finds leads and customers alike. The organisation key comes from the
 * company, for person and organisation leads: a lead from a company that is already a customer
 * is worth knowing about.
 */
export function leadKeys(row: Pick<LeadRow, 'company' | 'mobile' | 'phone' | 'email'>): string[] {
  return dedupeKeys({ name: row.company, isOrganization: true, phones: [row.mobile, row.phone], emails: [row.email] });
}

/** A new lead's row: status new, MAN grade and rank, search text. */
export function newLeadRow(input: LeadInput, owner: { ownerId: number | null; formId: number | null; actorId: number | null; at: string }): NewLeadRow {
  const row = {
    kind: input.kind,
    name: input.name,
    company: input.company ?? null,
    job_title: input.jobTitle ?? null,
    gender: input.gender ?? null,
    age: input.age ?? null,
    mobile: input.mobile ?? null,
    phone: input.phone ?? null,
    mobile_e164: normalizePhone(input.mobile),
    phone_e164: normalizePhone(input.phone),
    email: input.email ?? null,
    wechat: input.wechat ?? null,
    // One spelling of a municipality (北京市 / 北京市 / 朝阳区), as customers have.
    ...canonicalRegion({ province: input.province ?? null, city: input.city ?? null, district: input.district ?? null }),
    address: input.address ?? null,
    industry: input.industry ?? null,
    occupation: input.occupation ?? null,
    annual_income: input.annualIncome ?? null,
    source: input.source,
    referrer_customer_id: input.referrerCustomerId ?? null,
    credit_standing: input.creditStanding ?? null,
    notes: input.notes ?? null,
    owner_id: owner.ownerId,
    owner_since: owner.ownerId === null ? null : owner.at,
    status: 'new',
    disqualify_reason: null,
    ...manColumns(input.manMoney ?? null, input.manAuthority ?? null, input.manNeed ?? null),
    form_id: owner.formId,
    converted_customer_id: null,
    converted_contact_id: null,
    converted_opportunity_id: null,
    converted_at: null,
    converted_by: null,
    search: '',
    deleted_at: null,
    deleted_by: null,
    version: 1,
    created_at: owner.at,
    updated_at: owner.at,
    created_by: owner.actorId,
    updated_by: owner.actorId,
  };
  return { ...row, search: searchText(row) };
}

/** Province names compare without their administrative suffix: 浙江 = 浙江省, 上海 = 上海市. */
export function provinceKey(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFKC')
    .trim()
    .replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '')
    .toLowerCase();
}

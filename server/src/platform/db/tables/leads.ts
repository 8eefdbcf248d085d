import type { Generated } from 'kysely';

/** The tables of the leads module (server/src/modules/leads/; see table-owners.ts), as Kysely sees them. */
export interface LeadsTables {
  leads: {
    id: Generated<number>;
    kind: string;
    name: string;
    company: string | null;
    job_title: string | null;
    gender: string | null;
    age: number | null;
    mobile: string | null;
    phone: string | null;
    /** E.164 forms of mobile and phone; null when the number cannot be read. */
    mobile_e164: string | null;
    phone_e164: string | null;
    email: string | null;
    wechat: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
    address: string | null;
    industry: string | null;
    occupation: string | null;
    annual_income: number | null;
    source: string;
    referrer_customer_id: number | null;
    credit_standing: string | null;
    notes: string | null;
    owner_id: number | null;
    owner_since: string | null;
    status: string;
    disqualify_reason: string | null;
    /** MAN flags: null = not assessed, 0 = no, 1 = yes. */
    man_money: number | null;
    man_authority: number | null;
    man_need: number | null;
    /** e.g. 'MAn' (capital = has it); null until all three are assessed. */
    man_grade: string | null;
    /** 1 (ideal) to 4 (not a prospect), for sorting; null until graded. */
    man_rank: number | null;
    form_id: number | null;
    converted_customer_id: number | null;
    converted_contact_id: number | null;
    converted_opportunity_id: number | null;
    converted_at: string | null;
    converted_by: number | null;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  lead_keys: { id: Generated<number>; lead_id: number; key: string };
}

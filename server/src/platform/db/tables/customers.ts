import type { Generated } from 'kysely';

/** The tables of the customers module (server/src/modules/customers/; see table-owners.ts), as Kysely sees them. */
export interface CustomersTables {
  customers: {
    id: Generated<number>;
    archive_no: string;
    kind: string;
    name: string;
    category: string;
    status: string;
    lifecycle_stage: string;
    owner_id: number | null;
    industry: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
    address: string | null;
    phone: string | null;
    mobile: string | null;
    /** E.164 forms of phone and mobile (+8613812345678); null when the number cannot be read. */
    phone_e164: string | null;
    mobile_e164: string | null;
    email: string | null;
    website: string | null;
    source: string | null;
    tags: string;
    notes: string | null;
    person: string;
    organization: string;
    /** Normalised text of the searchable fields, checked with LIKE after the gram index. */
    search_key: string;
    /** Maintained by the contacts module: how many live contacts, and their searchable values. */
    contact_count: Generated<number>;
    contact_terms: Generated<string>;
    /** Values of the administrator's custom fields, as a JSON object keyed by field key. */
    custom: Generated<string>;
    /** When the current owner got the customer (null in the pool). */
    owner_since: string | null;
    /** Written by the modules that record follow-ups and deals; the pool rules read them. */
    last_followup_at: string | null;
    last_deal_at: string | null;
    /** The next step's day (YYYY-MM-DD) of the latest follow-up, the one at last_followup_at; null when it planned none. */
    next_followup_on: string | null;
    /** The customer's transactions, from its active and completed contracts (written by the contracts module through writeCustomers). */
    first_deal_at: string | null;
    deal_count: Generated<number>;
    deal_total: Generated<number>;
    /** When a user last confirmed the record is still accurate (freshness). */
    confirmed_at: string | null;
    /** 0-100: share of the expected fields that are filled in. */
    completeness: Generated<number>;
    /** Set on a customer merged into another (the record is then deleted). */
    merged_into_id: number | null;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Normalised phone (`p:`), email (`e:`) and organisation-name (`n:`) keys for the duplicate check. */
  dedupe_keys: { id: Generated<number>; customer_id: number; contact_id: number | null; key: string };
  /** PostgreSQL only: gram arrays under a GIN index (SQLite uses the FTS5 table of that name). */
  customer_search: { customer_id: number; grams: string[] };
}

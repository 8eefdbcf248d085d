import type { Generated } from 'kysely';

/** The tables of the quotes module (server/src/modules/quotes/; see table-owners.ts), as Kysely sees them. */
export interface QuotesTables {
  quotes: {
    id: Generated<number>;
    /** BJ-2026-000123: unique, from the counter quote_no:<year>. */
    number: string;
    revision: number;
    customer_id: number;
    opportunity_id: number | null;
    owner_id: number;
    title: string;
    status: string;
    /** 1 for the one current quote of its deal (a partial unique index keeps it one). */
    is_current: number;
    valid_until: string;
    terms: string | null;
    currency: string;
    subtotal: number;
    tax_total: number;
    total: number;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  quote_lines: {
    id: Generated<number>;
    quote_id: number;
    position: number;
    product_id: number;
    product_code: string;
    product_name: string;
    unit: string;
    quantity_milli: number;
    unit_price: number;
    price_list_id: number | null;
    discount_bp: number;
    tax_bp: number;
    note: string | null;
    net: number;
    tax: number;
    total: number;
  };
  quote_revisions: {
    id: Generated<number>;
    quote_id: number;
    revision: number;
    /** JSON of the revision's document (QuoteRevision['document']). */
    document: string;
    saved_at: string;
    saved_by: number | null;
  };
}

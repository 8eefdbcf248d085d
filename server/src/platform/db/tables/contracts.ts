import type { Generated } from 'kysely';

/** The tables of the contracts module (server/src/modules/contracts/; see table-owners.ts), as Kysely sees them. */
export interface ContractsTables {
  contracts: {
    id: Generated<number>;
    /** HT-2026-000123 or the administrator's pattern: unique, from a counter contract_no:<date parts>. */
    number: string;
    /** 'contract' | 'order' */
    kind: string;
    customer_id: number;
    opportunity_id: number | null;
    /** The accepted quote it was made from (at most one contract per quote: a partial unique index). */
    quote_id: number | null;
    owner_id: number;
    department_id: number | null;
    title: string;
    status: string;
    signed_on: string | null;
    starts_on: string | null;
    ends_on: string | null;
    currency: string;
    amount: number;
    subtotal: number | null;
    tax_total: number | null;
    notes: string | null;
    activated_at: string | null;
    /** The end date whose renewal notice was sent to the owner. */
    renewal_notified_for: string | null;
    /** Receivables' running sums (fen), written by the receivables module through writeReceivableSums. */
    planned_amount: Generated<number>;
    received_amount: Generated<number>;
    invoiced_amount: Generated<number>;
    /** How many payments `received_amount` sums, written with it. */
    payment_count: Generated<number>;
    /** Bumped by every change of the payment plan (its optimistic version). */
    plan_version: Generated<number>;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  contract_lines: {
    id: Generated<number>;
    contract_id: number;
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
  contract_contacts: { contract_id: number; contact_id: number; role: string };
}

import type { Generated } from 'kysely';

/** The tables of the receivables module (server/src/modules/receivables/; see table-owners.ts), as Kysely sees them. */
export interface ReceivablesTables {
  /** A contract's instalments (回款计划); `paid` and `settled_on` are what its payments settle, first due first. */
  payment_plans: {
    id: Generated<number>;
    contract_id: number;
    position: number;
    due_on: string;
    amount: number;
    paid: number;
    settled_on: string | null;
    note: string | null;
    /** The due date whose overdue notice went out. */
    overdue_notified_for: string | null;
    created_at: string;
    created_by: number | null;
    /** The contract's customer, owner and department, copied by the database (migration 0029's triggers) on insert and on every change of the contract. */
    customer_id: Generated<number>;
    owner_id: Generated<number>;
    department_id: number | null;
    /** 1 while the contract is live and signed (its instalments are receivable), kept by the same triggers. */
    receivable: Generated<number>;
  };
  /** Payments received (回款记录), with the contract's customer, owner and department when received. */
  payments: {
    id: Generated<number>;
    contract_id: number;
    customer_id: number;
    owner_id: number;
    department_id: number | null;
    received_on: string;
    amount: number;
    currency: string;
    method: string;
    reference: string | null;
    note: string | null;
    created_at: string;
    created_by: number | null;
  };
  /** Invoices issued (发票) against a contract. */
  invoices: {
    id: Generated<number>;
    contract_id: number;
    customer_id: number;
    number: string;
    kind: string;
    issued_on: string;
    amount: number;
    note: string | null;
    created_at: string;
    created_by: number | null;
  };
}
